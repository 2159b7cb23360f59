package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A completed deposit or withdrawal; {@code amount} is positive, {@code deposit} gives the direction. */
public record TransferFacts(String eventId, String clientId, String transactionId, boolean deposit, Instant occurredAt,
                            BigDecimal amount, CurrencyCode currency) {

    public TransferFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
