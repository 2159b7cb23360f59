package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class Mt4FormatTest {

    private static final FormatContext CONTEXT = FormatContext.builder().serverId("mt4-real")
            .serverZone(ZoneId.of("Europe/Athens")).accountCurrency("USD").build();

    private final Mt4Format format = new Mt4Format();

    @Test
    void mapsClosedTradesAndBalanceOperationsOnly() {
        List<CanonicalEvent> events = format.map(Fixtures.read("mt4/trade-records.json"), CONTEXT);

        assertThat(events).extracting(CanonicalEvent::id)
                .as("open trade, pending order and OP_CREDIT produce nothing")
                .containsExactly("mt4-real:50001", "mt4-real:50004", "mt4-real:50005");
        assertThat(events).extracting(CanonicalEvent::type).containsExactly(EventType.TRADE_CLOSED,
                EventType.DEPOSIT_COMPLETED, EventType.WITHDRAWAL_COMPLETED);
    }

    @Test
    void convertsVolumeInHundredthsOfALotAndServerTimes() {
        CanonicalEvent trade = format.map(Fixtures.read("mt4/trade-records.json"), CONTEXT).getFirst();

        assertThat(trade.data()).isEqualTo(new EventData.TradeClosed("50001", "7001", Platform.MT4, "EURUSD",
                new BigDecimal("2.5"), Instant.parse("2024-03-04T05:56:40Z"), Instant.parse("2024-03-04T07:55:22Z"),
                null, new BigDecimal("475.0"), new BigDecimal("-1.2"), new BigDecimal("-17.5"), CurrencyCode.of("USD")));
        assertThat(trade.occurredAt()).isEqualTo(Instant.parse("2024-03-04T07:55:22Z"));
    }

    @Test
    void turnsANegativeBalanceOperationIntoAPositiveWithdrawal() {
        CanonicalEvent withdrawal = format.map(Fixtures.read("mt4/trade-records.json"), CONTEXT).get(2);

        assertThat(withdrawal.data()).isEqualTo(new EventData.WithdrawalCompleted("50005", new BigDecimal("300.00"),
                CurrencyCode.of("USD"), "7001"));
    }

    @Test
    void refusesAnUnknownCommand() {
        JsonNode payload = Fixtures.read("mt4/trade-records.json").deepCopy();
        ((ObjectNode) payload.get(3)).put("cmd", 9);

        assertThatThrownBy(() -> format.map(payload, CONTEXT))
                .hasMessage("[3].cmd: must be 0..5 (orders), 6 (OP_BALANCE) or 7 (OP_CREDIT), was 9");
    }
}
