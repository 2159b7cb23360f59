package com.ibportal.commissions;

import java.time.Instant;

/** An event that paid a partner nothing under a rule ({@code rule} null: the whole event), and why. */
public record ExcludedEvent(String eventId, String clientId, int level, String rule, String reason, Instant occurredAt) {
}
