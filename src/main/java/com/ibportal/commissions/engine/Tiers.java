package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Tier arithmetic of TIERED_PER_LOT over a validated, ascending tier list starting at 0. */
final class Tiers {

    private Tiers() {
    }

    /** A run of lots paid at one tier. */
    record Segment(BigDecimal lots, Rule.TieredPerLot.Tier tier) {
        BigDecimal amount() {
            return lots.multiply(tier.rate());
        }
    }

    /** The tier a monthly total has reached: the last whose {@code fromLots} it has got to. */
    static Rule.TieredPerLot.Tier reachedAt(List<Rule.TieredPerLot.Tier> tiers, BigDecimal monthLots) {
        Rule.TieredPerLot.Tier reached = tiers.getFirst();
        for (Rule.TieredPerLot.Tier tier : tiers) {
            if (tier.fromLots().compareTo(monthLots) <= 0) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The monthly lots from {@code monthLotsBefore} to {@code monthLotsAfter}, cut at tier boundaries. */
    static List<Segment> progressive(List<Rule.TieredPerLot.Tier> tiers, BigDecimal monthLotsBefore,
                                     BigDecimal monthLotsAfter) {
        List<Segment> segments = new ArrayList<>(2);
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal start = tiers.get(i).fromLots().max(monthLotsBefore);
            BigDecimal end = i + 1 < tiers.size() ? tiers.get(i + 1).fromLots().min(monthLotsAfter) : monthLotsAfter;
            if (end.compareTo(start) > 0) {
                segments.add(new Segment(end.subtract(start), tiers.get(i)));
            }
        }
        return segments;
    }
}
