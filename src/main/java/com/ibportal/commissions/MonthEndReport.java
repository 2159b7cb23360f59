package com.ibportal.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** What a month-end run did for each partner holding a month-end rule. */
public record MonthEndReport(YearMonth month, List<Entry> entries) {

    public MonthEndReport {
        entries = List.copyOf(entries);
    }

    /**
     * One partner and rule: {@code outcome} is WRITTEN (a line was posted), NOTHING_OWED, ALREADY_DONE (an
     * earlier run computed it), or WAITING (an FX rate is missing; run again once it is recorded).
     */
    public record Entry(String partnerCode, String rule, String outcome, BigDecimal amount, String currency,
                        BigDecimal lossCarriedOut, String detail) {
    }
}
