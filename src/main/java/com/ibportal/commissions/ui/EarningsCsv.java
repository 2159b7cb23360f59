package com.ibportal.commissions.ui;

import com.ibportal.commissions.LedgerEntry;
import com.ibportal.commissions.LedgerLineView;
import java.util.List;

/** The lines an IB is looking at, as RFC 4180 CSV with plain decimals (no grouping, no exponent). */
final class EarningsCsv {

    static final String HEADER = "id,occurredAt,postedAt,clientId,eventId,rule,level,amount,currency,status,"
            + "sourcePartnerCode,planCode,planVersion,reversalOf,reversedBy,explanation";

    private EarningsCsv() {
    }

    static String of(List<LedgerEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (LedgerEntry entry : entries) {
            LedgerLineView l = entry.line();
            csv.append(l.id()).append(',')
                    .append(l.occurredAt()).append(',')
                    .append(l.postedAt()).append(',')
                    .append(text(l.clientId())).append(',')
                    .append(text(l.eventId())).append(',')
                    .append(l.rule()).append(',')
                    .append(l.level()).append(',')
                    .append(l.amount().toPlainString()).append(',')
                    .append(l.currency()).append(',')
                    .append(l.status()).append(',')
                    .append(text(l.sourcePartnerCode())).append(',')
                    .append(text(l.planCode())).append(',')
                    .append(l.planVersion()).append(',')
                    .append(l.reversalOf() == null ? "" : l.reversalOf()).append(',')
                    .append(entry.reversedBy() == null ? "" : entry.reversedBy()).append(',')
                    .append(text(l.explanation())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A text field: quoted when it holds a comma, quote or line break (quotes doubled), and prefixed
     * with an apostrophe when it starts like a spreadsheet formula, since client and event ids come
     * from outside systems.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
