package com.ibportal.payouts;

import java.util.List;

/** CSV exports: a statement's lines, and a period's payout file. RFC 4180 quoting; text cells cannot start a formula. */
final class StatementCsv {

    private StatementCsv() {
    }

    static String lines(StatementDetails s) {
        StringBuilder csv = new StringBuilder();
        row(csv, "statement", "partner", "period", "line", "occurredAt", "postedAt", "rule", "level", "section", "client",
                "event", "amount", "currency", "status", "explanation");
        for (StatementLine l : s.lines()) {
            row(csv, String.valueOf(s.id()), text(s.partnerCode()), s.period(), String.valueOf(l.id()),
                    l.occurredAt().toString(), l.postedAt().toString(), l.rule(), String.valueOf(l.level()),
                    l.clawback() ? "CLAWBACK" : l.rule() + "/" + l.level(), text(l.clientId()), text(l.eventId()),
                    l.amount().toPlainString(), l.currency(), l.status(), text(l.explanation()));
        }
        return csv.toString();
    }

    static String payoutFile(List<StatementSummary> approved) {
        StringBuilder csv = new StringBuilder();
        row(csv, "partner", "partnerName", "statement", "period", "amount", "currency", "paymentDetails");
        for (StatementSummary s : approved) {
            // Payment details (IBAN, wallet…) are not kept by the portal yet: the column is there for the bank's template.
            row(csv, text(s.partnerCode()), text(s.partnerName()), String.valueOf(s.id()), s.period(),
                    s.total().toPlainString(), s.currency(), "");
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells[i]));
        }
        csv.append("\r\n");
    }

    private static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** Free text from events or people: a leading = + - @ would make a spreadsheet run it as a formula. */
    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
