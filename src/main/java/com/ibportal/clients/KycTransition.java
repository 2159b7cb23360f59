package com.ibportal.clients;

import java.time.Instant;

/**
 * What a recorded KYC change did to the client's effective status (the status of its latest change
 * by instant). {@code approvedAt} is when the current APPROVED run began, {@code null} unless approved.
 */
public record KycTransition(String externalId, KycStatus before, KycStatus after, Instant approvedAt,
                            String approvalEventId) {

    public boolean changed() {
        return before != after;
    }

    public boolean becameApproved() {
        return changed() && after == KycStatus.APPROVED;
    }

    public boolean becameIneligible() {
        return changed() && after.makesIneligible() && !before.makesIneligible();
    }

    public boolean becameEligibleAgain() {
        return changed() && before.makesIneligible() && !after.makesIneligible();
    }
}
