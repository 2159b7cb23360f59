package com.ibportal.commissions;

import java.time.Instant;

/** One row of a partner's plan history: from {@code effectiveFrom} on the partner has {@code planCode}, until a later-made assignment says otherwise. */
public record PlanAssignment(String partnerCode, String planCode, Instant effectiveFrom, Instant assignedAt, String assignedBy) {
}
