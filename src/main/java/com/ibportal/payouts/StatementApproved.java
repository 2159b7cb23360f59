package com.ibportal.payouts;

import java.math.BigDecimal;
import java.time.Instant;

/** Finance approved a statement for payment. */
public record StatementApproved(long statementId, String partnerCode, String period, BigDecimal total, String currency,
                                String approvedBy, Instant approvedAt) {
}
