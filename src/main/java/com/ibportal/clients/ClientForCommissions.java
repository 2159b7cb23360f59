package com.ibportal.clients;

import java.time.Instant;
import java.util.List;

/**
 * What commissions need to know about a client at one instant: its email (self-referral), its KYC
 * now, when its current approval began, and its attribution path then with each partner's email,
 * nearest first (empty for an organic client).
 */
public record ClientForCommissions(String externalId, String email, KycStatus kycStatus, Instant approvedAt,
                                   String approvalEventId, List<PathPartner> path) {

    public ClientForCommissions {
        path = List.copyOf(path);
    }

    /** A partner on the path; depth 0 is the direct partner. */
    public record PathPartner(String partnerCode, String email, int depth) {
    }
}
