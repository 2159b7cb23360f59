package com.ibportal.payouts;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger line on a statement; {@code clawback} when it is a reversal or a negative amount. */
public record StatementLine(long id, Instant occurredAt, Instant postedAt, String rule, int level, BigDecimal amount,
                            String currency, String status, String clientId, String eventId, String sourcePartnerCode,
                            String explanation, Long reversalOf, boolean clawback) {
}
