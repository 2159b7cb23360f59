package com.ibportal.clients;

import java.time.Instant;

/** One row of a client's attribution history: owned by {@code partnerCode} in [validFrom, validTo), open when validTo is null. */
public record AttributionPeriod(String partnerCode, Instant validFrom, Instant validTo, String reason, Instant recordedAt,
                                String recordedBy) {
}
