package com.ibportal.partners;

import java.time.Instant;

/** A suspended partner is active again from {@code at}; its login is enabled again. */
public record PartnerReactivated(String code, Instant at) {
}
