package com.ibportal.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A statement was paid; its lines (and those of the statements carried into it) are now PAID. */
public record StatementPaid(long statementId, String partnerCode, String period, BigDecimal total, String currency,
                            String reference, LocalDate paidOn, String paidBy, Instant recordedAt) {
}
