package com.ibportal.commissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A period recomputed from the stored trades and compared with the ledger's active lines. Zero
 * differences means every line of the period can be reproduced from its inputs, to the cent.
 */
public record ReplayReport(LocalDate from, LocalDate to, long tradesReplayed, long linesExpected, long linesInLedger,
                           List<Difference> differences, boolean truncated) {

    public ReplayReport {
        differences = List.copyOf(differences);
    }

    /** One line the replay and the ledger disagree on: present in one and not the other. */
    public record Difference(String eventId, String partnerCode, int level, String rule, BigDecimal amount,
                             String currency, String foundIn) {
    }
}
