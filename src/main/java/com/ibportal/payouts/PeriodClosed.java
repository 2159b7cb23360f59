package com.ibportal.payouts;

import java.time.Instant;

/** A payout period was closed: its statements exist and nothing changes them but approval and payment. */
public record PeriodClosed(String period, int statements, int lines, Instant closedAt, String closedBy) {
}
