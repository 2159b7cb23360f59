package com.ibportal.commissions;

import java.time.Instant;

/** One stored version of a plan: from when it applies, who made it, and its whole document. */
public record PlanVersionDetails(int version, Instant effectiveFrom, Instant createdAt, String createdBy,
                                 PlanDocument document) {
}
