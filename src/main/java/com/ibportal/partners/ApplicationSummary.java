package com.ibportal.partners;

import java.math.BigDecimal;
import java.time.Instant;

/** An application as admins see it; {@code inviterCode} is set for sub-IB invitations, {@code partnerCode} once approved. */
public record ApplicationSummary(long id, String name, String email, String country, String channels, BigDecimal expectedMonthlyLots,
                                 String inviterCode, ApplicationStatus status, Instant submittedAt, Instant decidedAt, String decidedBy,
                                 String rejectReason, String partnerCode) {
}
