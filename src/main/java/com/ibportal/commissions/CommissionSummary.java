package com.ibportal.commissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A partner's figures over a date range: its own clients' activity, and its own lines of every
 * level, in {@code currency}. Lines or first deposits in other currencies are listed apart, never
 * added in unconverted.
 */
public record CommissionSummary(String partnerCode, LocalDate from, LocalDate to, String currency, long registrations,
                                long ftds, BigDecimal ftdAmount, BigDecimal lots, Commission commission,
                                Map<String, BigDecimal> ftdAmountInOtherCurrencies,
                                Map<String, BigDecimal> commissionInOtherCurrencies) {

    /** Totals of the partner's lines: all, by status, by rule and by level (0 = direct). */
    public record Commission(BigDecimal total, Map<String, BigDecimal> byStatus, Map<String, BigDecimal> byRule,
                             Map<String, BigDecimal> byLevel) {
    }
}
