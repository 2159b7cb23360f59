package com.ibportal.commissions.engine;

/** The kinds of rule a plan can hold; a ledger line names the kind that produced it. */
public enum RuleKind {
    CPA, PER_LOT, SPREAD_SHARE, REVENUE_SHARE, TIERED_PER_LOT, OVERRIDE
}
