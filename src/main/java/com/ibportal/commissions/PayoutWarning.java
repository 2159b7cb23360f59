package com.ibportal.commissions;

import java.math.BigDecimal;

/**
 * A symbol group of a plan where the plan would pay more per lot, along a full upline holding it, than the broker
 * earned per lot on that group in a period ({@link Kind#PAYOUT_ABOVE_REVENUE}), or where no stored trade of the
 * period tells what the broker earns ({@link Kind#NO_REVENUE_DATA}, {@code revenuePerLot} null). Amounts are per
 * lot in the plan's payout currency, 4 decimals.
 *
 * @param lotsObserved lots of the period's trades of the group that reported revenue (0 without data)
 */
public record PayoutWarning(String symbolGroup, Kind kind, BigDecimal payoutPerLot, BigDecimal revenuePerLot,
                            String currency, BigDecimal lotsObserved, String message) {

    public enum Kind {
        PAYOUT_ABOVE_REVENUE, NO_REVENUE_DATA
    }
}
