package com.ibportal.partners;

import java.time.Instant;

/** The partner's login is disabled from {@code at}; its referral links keep attributing. */
public record PartnerSuspended(String code, Instant at) {
}
