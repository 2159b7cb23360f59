package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code trade.closed} event. {@code spreadRevenue}, {@code profit} and {@code swap} are optional
 * ({@code null} when the platform did not report them) and are in {@code currency}.
 */
public record ClosedTrade(String eventId, String clientId, String dealId, String symbol, Lots lots,
                          Instant openedAt, Instant closedAt, BigDecimal spreadRevenue, BigDecimal profit,
                          BigDecimal swap, CurrencyCode currency) {

    public ClosedTrade {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(lots, "lots");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(currency, "currency");
        if (closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("trade " + eventId + " closed before it opened");
        }
    }

    /** A trade's event happens when it closes. */
    public Instant occurredAt() {
        return closedAt;
    }

    public long heldSeconds() {
        return Duration.between(openedAt, closedAt).toSeconds();
    }

    /** What the client's result on this trade adds to its profit: {@code profit + swap}, absent as 0. */
    public BigDecimal profitAndSwap() {
        BigDecimal result = profit == null ? BigDecimal.ZERO : profit;
        return swap == null ? result : result.add(swap);
    }
}
