package com.ibportal.commissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A draft plan run over the stored trades of a period, beside the plans in force, without writing anything.
 * Amounts are per partner and currency: a draft that changes the payout currency shows the partner twice (what it
 * earns now in one currency, under the draft in the other), since amounts are never added across currencies.
 * {@code difference} is {@code draft − recomputedCurrent}: the draft against the current plans on the same inputs.
 * {@code currentLedger} is what the ledger holds for those trades; it equals {@code recomputedCurrent} unless plans
 * or assignments changed after the lines were written.
 *
 * @param planCode        the plan the draft is a new version of
 * @param draftVersion    the number the draft would get if saved
 * @param partnerCode     the only partner given the draft, or {@code null}: every holder of the plan
 * @param tradesSimulated computed trades closed in the range
 * @param tradesAffected  trades whose path held a partner that got the draft
 * @param partners        biggest differences first, at most {@code WhatIfService.MAX_PARTNERS} rows
 * @param partnerRows     how many rows there were before the cut
 * @param truncated       whether {@code partners} was cut
 * @param warnings        where the draft pays more per lot than the broker earned (see {@link PayoutWarning})
 * @param notes           what the simulation leaves out, and why totals may differ
 */
public record WhatIfReport(String planCode, int draftVersion, String partnerCode, LocalDate from, LocalDate to,
                           long tradesSimulated, long tradesAffected, List<Totals> totals, List<PartnerResult> partners,
                           int partnerRows, boolean truncated, List<PayoutWarning> warnings, List<String> notes) {

    public WhatIfReport {
        totals = List.copyOf(totals);
        partners = List.copyOf(partners);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** One partner's per-trade commission of the period in one currency, three ways. */
    public record PartnerResult(String partnerCode, String currency, BigDecimal currentLedger, BigDecimal recomputedCurrent,
                                BigDecimal draft, BigDecimal difference, long trades) {
    }

    /** The whole program's figures in one currency. */
    public record Totals(String currency, BigDecimal currentLedger, BigDecimal recomputedCurrent, BigDecimal draft,
                         BigDecimal difference) {
    }
}
