package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One rule of a plan; all the rules a plan holds apply together. The components mirror the plan
 * JSON of the API contract one to one: a component marked optional there is {@code null} when absent.
 * Values are checked by {@link PlanValidator}, not when built, so that a bad plan can be reported
 * field by field; only a null list element is refused when built (see {@link Copies}).
 *
 * <p>Refer to the override rule as {@code Rule.Override}: importing it by its simple name would
 * shadow {@code java.lang.Override} in the importing file.
 */
public sealed interface Rule {

    default RuleKind kind() {
        return switch (this) {
            case Cpa cpa -> RuleKind.CPA;
            case PerLot perLot -> RuleKind.PER_LOT;
            case SpreadShare spreadShare -> RuleKind.SPREAD_SHARE;
            case RevenueShare revenueShare -> RuleKind.REVENUE_SHARE;
            case TieredPerLot tieredPerLot -> RuleKind.TIERED_PER_LOT;
            case Override override -> RuleKind.OVERRIDE;
        };
    }

    /** Paid once per client when it qualifies; {@code minLots} and {@code windowDays} are optional. */
    record Cpa(BigDecimal amount, BigDecimal minDeposit, BigDecimal minLots, Integer windowDays) implements Rule {
    }

    /** {@code lots × rate(group of symbol)} per closed trade; {@code minHoldSeconds} is optional. */
    record PerLot(Map<String, BigDecimal> rates, Integer minHoldSeconds) implements Rule {
        public PerLot {
            rates = Copies.map(rates);
        }
    }

    /** {@code percent} of the trade's spread revenue; {@code minHoldSeconds} is optional. */
    record SpreadShare(BigDecimal percent, Integer minHoldSeconds) implements Rule {
    }

    /** {@code percent} of the month's net revenue from the direct clients, written at month end. */
    record RevenueShare(BigDecimal percent, boolean carryForwardLosses) implements Rule {
    }

    /** A per-lot rate picked by the partner's monthly lots; tiers ascend from 0. */
    record TieredPerLot(List<Tier> tiers, TierMode mode) implements Rule {
        public TieredPerLot {
            tiers = Copies.list(tiers);
        }

        /** Lots from {@code fromLots} on (within the month) pay {@code rate} per lot. */
        public record Tier(BigDecimal fromLots, BigDecimal rate) {
        }
    }

    /**
     * What the holder of this plan earns, as an ancestor, from its downline's trades. {@code maxDepth}
     * is optional; {@code percents} belong to PERCENT_OF_DOWNLINE and {@code rates} to
     * PER_LOT_PER_LEVEL, index 0 being distance 1; an absent list is empty.
     */
    record Override(OverrideMode mode, Integer maxDepth, List<BigDecimal> percents, List<BigDecimal> rates)
            implements Rule {
        public Override {
            percents = Copies.list(percents);
            rates = Copies.list(rates);
        }

        boolean reaches(int distance) {
            return maxDepth == null || distance <= maxDepth;
        }
    }
}
