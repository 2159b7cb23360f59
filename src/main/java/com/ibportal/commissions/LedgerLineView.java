package com.ibportal.commissions;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger line as the API and the Earnings view show it. */
public record LedgerLineView(long id, String partnerCode, String eventId, String clientId, String rule, int level,
                             BigDecimal amount, String currency, String status, String explanation, Long reversalOf,
                             Instant occurredAt, Instant postedAt, String planCode, int planVersion,
                             String sourcePartnerCode) {
}
