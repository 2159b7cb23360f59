package com.ibportal.clients;

public enum KycStatus {
    NOT_STARTED, PENDING, APPROVED, REJECTED, FLAGGED, DUPLICATE;

    /** Rejected, flagged and duplicate clients earn their partners nothing. */
    public boolean makesIneligible() {
        return this == REJECTED || this == FLAGGED || this == DUPLICATE;
    }
}
