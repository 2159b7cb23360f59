package com.ibportal.commissions;

import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A closed trade as ingestion reports it; optional money fields are {@code null} when the platform sent none. */
public record TradeFacts(String eventId, String clientId, String dealId, String platform, String accountLogin,
                         String symbol, BigDecimal lots, Instant openedAt, Instant closedAt, BigDecimal spreadRevenue,
                         BigDecimal profit, BigDecimal swap, BigDecimal commission, CurrencyCode currency) {

    public TradeFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(lots, "lots");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(currency, "currency");
    }
}
