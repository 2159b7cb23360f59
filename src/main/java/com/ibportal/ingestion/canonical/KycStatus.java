package com.ibportal.ingestion.canonical;

/** A client's KYC state as sent in {@code client.kyc_changed}. */
public enum KycStatus {
    NOT_STARTED, PENDING, APPROVED, REJECTED, FLAGGED, DUPLICATE
}
