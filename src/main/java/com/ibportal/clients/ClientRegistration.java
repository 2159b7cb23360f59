package com.ibportal.clients;

import java.time.Instant;

/** A client's registration as the CRM reports it; the referral code decides its partner. */
public record ClientRegistration(String externalId, Instant registeredAt, String referralCode, String campaign,
                                 String email, String country) {
}
