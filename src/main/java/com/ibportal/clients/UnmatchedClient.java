package com.ibportal.clients;

import java.time.Instant;

/** A client attributed to nobody, with the referral code it registered with (unknown, or null when none). */
public record UnmatchedClient(String externalId, String referralCode, String campaign, Instant registeredAt, String country,
                              String email) {
}
