package com.ibportal.partners;

import java.time.Instant;

/** A partner as other modules and the API see it. */
public record PartnerSummary(long id, String code, String name, String email, String parentCode, PartnerStatus status,
                             Instant createdAt, boolean mayRecruit) {
}
