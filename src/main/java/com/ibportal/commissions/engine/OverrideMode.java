package com.ibportal.commissions.engine;

/** What an ancestor earns from its downline's trades. */
public enum OverrideMode {
    /** {@code lots × max(0, own PER_LOT rate − the rate of the partner one step below)}. */
    RATE_DIFFERENCE,
    /** {@code percents[d-1] %} of the direct partner's level-0 lines for the trade. */
    PERCENT_OF_DOWNLINE,
    /** {@code lots × rates[d-1]}. */
    PER_LOT_PER_LEVEL
}
