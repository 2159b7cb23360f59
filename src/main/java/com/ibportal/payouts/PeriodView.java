package com.ibportal.payouts;

import java.time.Instant;
import java.util.List;

/**
 * A payout period: {@code period} is its label ({@code 2026-10} for a month), {@code end} exclusive, UTC.
 * {@code statements} sums the statements of a closed period by status; {@code lines} sums the ledger lines
 * assigned to a closed period, or dated in an open one, by line status.
 */
public record PeriodView(String period, String kind, Instant start, Instant end, String status, Instant closedAt,
                         String closedBy, List<PeriodTotal> statements, List<PeriodTotal> lines) {

    public PeriodView {
        statements = List.copyOf(statements);
        lines = List.copyOf(lines);
    }

    public boolean isClosed() {
        return "CLOSED".equals(status);
    }
}
