package com.ibportal.clients;

import java.time.Instant;

/** A registration's referral code named a known partner: the client belongs to it from {@code effectiveFrom}. */
public record ClientAttributed(String externalId, String partnerCode, Instant effectiveFrom) {
}
