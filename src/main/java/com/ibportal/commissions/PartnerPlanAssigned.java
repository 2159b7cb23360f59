package com.ibportal.commissions;

import java.time.Instant;

/**
 * A partner has {@code planCode} from {@code effectiveFrom} on (the beginning of time when none was given):
 * lines of events at or after it may need recomputing. Published inside the assigning transaction.
 */
public record PartnerPlanAssigned(String partnerCode, String planCode, Instant effectiveFrom) {
}
