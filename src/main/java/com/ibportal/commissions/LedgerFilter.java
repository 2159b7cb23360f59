package com.ibportal.commissions;

import com.ibportal.commissions.engine.LineStatus;
import com.ibportal.commissions.engine.RuleKind;
import java.time.LocalDate;

/**
 * Which of a partner's lines to read: dated in [from, to] (UTC dates, both inclusive), and optionally
 * of one status, one rule, a band of levels and, for override lines, the sub-IB whose client produced them.
 * {@code null} means "any" for every optional field.
 */
public record LedgerFilter(LocalDate from, LocalDate to, LineStatus status, RuleKind rule, Levels levels,
                           String sourcePartnerCode) {

    /** Own lines are level 0 (the partner's direct clients); overrides are level 1 and deeper. */
    public enum Levels {
        ALL(0, Integer.MAX_VALUE), OWN(0, 0), OVERRIDES(1, Integer.MAX_VALUE);

        final int min;
        final int max;

        Levels(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    public LedgerFilter {
        levels = levels == null ? Levels.ALL : levels;
        sourcePartnerCode = sourcePartnerCode == null || sourcePartnerCode.isBlank() ? null : sourcePartnerCode.trim();
    }

    public static LedgerFilter between(LocalDate from, LocalDate to) {
        return new LedgerFilter(from, to, null, null, Levels.ALL, null);
    }
}
