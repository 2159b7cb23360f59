package com.ibportal.clients;

import java.time.Instant;

/** An unmatched client was given to a partner by hand, from its registration ({@code effectiveFrom}). */
public record ClientAssigned(String externalId, String partnerCode, Instant effectiveFrom) {
}
