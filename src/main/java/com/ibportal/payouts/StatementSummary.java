package com.ibportal.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A statement as lists show it; {@code total} = opening balance + lines, rounded HALF_EVEN to 2 decimals. */
public record StatementSummary(long id, String partnerCode, String partnerName, String period, StatementStatus status,
                               BigDecimal openingBalance, BigDecimal linesTotal, BigDecimal total, String currency,
                               int lineCount, Instant createdAt, Instant approvedAt, String approvedBy, Instant paidAt,
                               String paidBy, String paymentReference, LocalDate paidOn) {
}
