package com.ibportal.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement with its lines, as {@code GET /api/v1/statements/{id}} answers: the contract's fields first, then
 * sections (by rule and level, clawbacks apart), the workflow's who and when, and the statement it carried in.
 */
public record StatementDetails(long id, String partnerCode, String period, StatementStatus status,
                               BigDecimal openingBalance, BigDecimal total, String currency, List<StatementLine> lines,
                               String partnerName, BigDecimal linesTotal, List<StatementSection> sections,
                               Long carriedFromId, Instant createdAt, Instant approvedAt, String approvedBy,
                               Instant paidAt, String paidBy, String paymentReference, LocalDate paidOn) {

    public StatementDetails {
        lines = List.copyOf(lines);
        sections = List.copyOf(sections);
    }
}
