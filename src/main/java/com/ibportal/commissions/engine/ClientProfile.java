package com.ibportal.commissions.engine;

import java.util.Objects;

/** What the engine needs to know about the client behind an event. {@code email} is optional. */
public record ClientProfile(String clientId, String email, boolean kycApproved) {

    public ClientProfile {
        Objects.requireNonNull(clientId, "clientId");
    }

    /** A client whose email equals its partner's is the partner trading for itself: it earns nothing. */
    public boolean isSelfReferredBy(PartnerOnPath partner) {
        return email != null && partner.email() != null && email.trim().equalsIgnoreCase(partner.email().trim());
    }

    LineStatus lineStatus() {
        return kycApproved ? LineStatus.PAYABLE : LineStatus.PENDING;
    }
}
