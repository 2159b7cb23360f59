package com.ibportal.commissions.engine;

/** How a TIERED_PER_LOT rule turns the monthly lots into a rate. */
public enum TierMode {
    /** Each lot is paid at the tier of the running monthly total; a trade crossing a boundary is split. */
    PROGRESSIVE,
    /** Lines accrue at the running tier; at month end a true-up pays every lot at the final tier. */
    RETROACTIVE
}
