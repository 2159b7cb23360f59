package com.ibportal.clients;

import java.time.Instant;

/** From {@code effectiveFrom} the client belongs to {@code toPartnerCode} instead of {@code fromPartnerCode}. */
public record ClientReassigned(String externalId, String fromPartnerCode, String toPartnerCode, Instant effectiveFrom) {
}
