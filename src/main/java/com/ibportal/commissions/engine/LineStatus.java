package com.ibportal.commissions.engine;

/** Where a line stands; the engine writes PENDING or PAYABLE, the payout run marks PAID. */
public enum LineStatus {
    /** The client's KYC is not approved yet. */
    PENDING,
    PAYABLE,
    PAID
}
