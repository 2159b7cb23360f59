package com.ibportal.ingestion.canonical;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The canonical event types of contract v1, each with its wire name and the record that holds its data. */
public enum EventType {
    CLIENT_REGISTERED("client.registered", EventData.ClientRegistered.class),
    CLIENT_KYC_CHANGED("client.kyc_changed", EventData.KycChanged.class),
    DEPOSIT_COMPLETED("deposit.completed", EventData.DepositCompleted.class),
    WITHDRAWAL_COMPLETED("withdrawal.completed", EventData.WithdrawalCompleted.class),
    DEPOSIT_CHARGED_BACK("deposit.charged_back", EventData.DepositChargedBack.class),
    TRADE_CLOSED("trade.closed", EventData.TradeClosed.class);

    private final String wireName;
    private final Class<? extends EventData> dataType;

    EventType(String wireName, Class<? extends EventData> dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventData> dataType() {
        return dataType;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values()).filter(type -> type.dataType.isInstance(data)).findFirst().orElseThrow();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
