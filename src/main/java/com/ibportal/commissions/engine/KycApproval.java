package com.ibportal.commissions.engine;

import java.time.Instant;
import java.util.Objects;

/** The {@code client.kyc_changed} event that set the client's KYC to APPROVED. */
public record KycApproval(String eventId, Instant approvedAt) {

    public KycApproval {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
