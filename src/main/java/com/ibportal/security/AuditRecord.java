package com.ibportal.security;

import java.time.Instant;

/** An audit trail line as shown to admins. */
public record AuditRecord(Instant occurredAt, String actor, String action, String target, String detail) {
}
