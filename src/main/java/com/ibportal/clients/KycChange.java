package com.ibportal.clients;

import java.time.Instant;

/** One KYC status the CRM reported for a client, at the instant it reported. */
public record KycChange(KycStatus status, Instant occurredAt, String eventId) {
}
