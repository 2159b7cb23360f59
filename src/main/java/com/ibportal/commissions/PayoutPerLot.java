package com.ibportal.commissions;

import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The most a plan pays per lot of one symbol group when every partner of a full upline holds it: the ceiling the
 * payout check compares with the broker's revenue per lot. A pure function, in the plan's payout currency.
 *
 * <ul>
 *     <li>level 0: the PER_LOT rate of the group, the top TIERED_PER_LOT rate (tiers ignore groups), and the
 *     SPREAD_SHARE percent of the spread revenue per lot;</li>
 *     <li>RATE_DIFFERENCE: the chain's lines add up to the top ancestor's own rate, which on a chain holding this
 *     plan is its PER_LOT rate, already counted at level 0: it adds nothing;</li>
 *     <li>PER_LOT_PER_LEVEL: the sum of the level rates up to {@code maxDepth};</li>
 *     <li>PERCENT_OF_DOWNLINE: the sum of the percents up to {@code maxDepth}, of the level-0 amount.</li>
 * </ul>
 */
final class PayoutPerLot {

    private PayoutPerLot() {
    }

    /** The ceiling and its parts, e.g. {@code PER_LOT 10.00 + PER_LOT_PER_LEVEL 2.50}. */
    record Ceiling(BigDecimal amount, String itemised) {
    }

    static Ceiling of(PlanVersion plan, String group, BigDecimal spreadRevenuePerLot) {
        BigDecimal level0 = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        boolean rateDifference = false;
        BigDecimal perLevel = BigDecimal.ZERO;
        BigDecimal downlinePercents = BigDecimal.ZERO;
        for (Rule rule : plan.rules()) {
            switch (rule) {
                case Rule.PerLot perLot -> {
                    BigDecimal rate = perLot.rates().get(group);
                    if (rate != null) {
                        level0 = level0.add(rate);
                        parts.add("PER_LOT " + plain(rate));
                    }
                }
                case Rule.TieredPerLot tiered -> {
                    BigDecimal top = tiered.tiers().stream().map(Rule.TieredPerLot.Tier::rate).reduce(BigDecimal.ZERO, BigDecimal::max);
                    level0 = level0.add(top);
                    parts.add("TIERED_PER_LOT top rate " + plain(top));
                }
                case Rule.SpreadShare share -> {
                    BigDecimal amount = spreadRevenuePerLot.multiply(share.percent()).movePointLeft(2);
                    level0 = level0.add(amount);
                    parts.add("SPREAD_SHARE " + plain(share.percent()) + "% of " + plain(round(spreadRevenuePerLot))
                            + " spread = " + plain(round(amount)));
                }
                case Rule.Override override -> {
                    switch (override.mode()) {
                        case RATE_DIFFERENCE -> rateDifference = true;
                        case PER_LOT_PER_LEVEL -> perLevel = perLevel.add(sum(override.rates(), override.maxDepth()));
                        case PERCENT_OF_DOWNLINE -> downlinePercents = downlinePercents.add(sum(override.percents(), override.maxDepth()));
                    }
                }
                // CPA is per client and REVENUE_SHARE per month: neither is a price per lot.
                case Rule.Cpa cpa -> { }
                case Rule.RevenueShare revenueShare -> { }
            }
        }
        BigDecimal total = level0;
        if (rateDifference) {
            parts.add("RATE_DIFFERENCE (the chain pays the top ancestor's own rate in total: nothing more)");
        }
        if (perLevel.signum() > 0) {
            total = total.add(perLevel);
            parts.add("PER_LOT_PER_LEVEL " + plain(perLevel));
        }
        if (downlinePercents.signum() > 0) {
            BigDecimal amount = level0.multiply(downlinePercents).movePointLeft(2);
            total = total.add(amount);
            parts.add("PERCENT_OF_DOWNLINE " + plain(downlinePercents) + "% of " + plain(round(level0))
                    + " = " + plain(round(amount)));
        }
        return new Ceiling(round(total), parts.isEmpty() ? "nothing per lot" : String.join(" + ", parts));
    }

    private static BigDecimal sum(List<BigDecimal> perDistance, Integer maxDepth) {
        int levels = maxDepth == null ? perDistance.size() : Math.min(maxDepth, perDistance.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < levels; i++) {
            sum = sum.add(perDistance.get(i));
        }
        return sum;
    }

    static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(4, java.math.RoundingMode.HALF_EVEN);
    }
}
