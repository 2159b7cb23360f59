package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A ledger line the engine wants written; the ledger gives it an id and a {@code postedAt}. Fields
 * map one to one onto the ledger line of the API contract. {@code clientId} is {@code null} on
 * month-end lines, which cover many clients; {@code reversalOf} is the id of the line a reversal
 * cancels, {@code null} otherwise.
 */
public record LineDraft(String partnerCode, int level, RuleKind rule, BigDecimal amount, CurrencyCode currency,
                        LineStatus status, String eventId, String clientId, Instant occurredAt, String planCode,
                        int planVersion, String sourcePartnerCode, String explanation, Long reversalOf) {

    /** Lines carry 4 decimals; statements round their totals to 2. */
    public static final int SCALE = 4;

    public LineDraft {
        Objects.requireNonNull(partnerCode, "partnerCode");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(sourcePartnerCode, "sourcePartnerCode");
        Objects.requireNonNull(explanation, "explanation");
        if (level < 0) {
            throw new IllegalArgumentException("level must not be negative: " + level);
        }
        // Rounding happens once, at the end of a line's computation; an unrounded amount here is a bug.
        if (amount.scale() != SCALE) {
            throw new IllegalArgumentException("line amount must have " + SCALE + " decimals: " + amount);
        }
    }

    /** The one rounding a line's amount gets: HALF_EVEN to {@value #SCALE} decimals. */
    static BigDecimal round(BigDecimal exactAmount) {
        return exactAmount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
