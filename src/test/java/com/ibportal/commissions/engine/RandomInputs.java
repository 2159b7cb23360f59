package com.ibportal.commissions.engine;

import com.ibportal.shared.Lots;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.ibportal.commissions.engine.Fixtures.aTrade;
import static com.ibportal.commissions.engine.Fixtures.partner;
import static com.ibportal.commissions.engine.Fixtures.plan;

/**
 * Random but reproducible engine inputs for property tests: the same seed gives the same inputs, so
 * a failing seed in a test name is a complete bug report.
 */
final class RandomInputs {

    private static final List<String> SYMBOLS = List.of("EURUSD", "GBPUSD", "XAUUSD", "XAGEUR", "US30");

    private final Random random;
    private final int lotDecimals;
    private final int spreadDecimals;
    private final int percentDecimals;

    private RandomInputs(long seed, int lotDecimals, int spreadDecimals, int percentDecimals) {
        this.random = new Random(seed);
        this.lotDecimals = lotDecimals;
        this.spreadDecimals = spreadDecimals;
        this.percentDecimals = percentDecimals;
    }

    /**
     * Lots and rates with one decimal, whole spread revenues and percents: every line comes out with at
     * most 4 decimals, so none is rounded and sums compare exactly.
     */
    static RandomInputs exact(long seed) {
        return new RandomInputs(seed, 1, 0, 0);
    }

    /** Lots, spread revenues and percents with 2 decimals, as brokers send them: lines get rounded. */
    static RandomInputs withRounding(long seed) {
        return new RandomInputs(seed, 2, 2, 2);
    }

    Random random() {
        return random;
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean chance() {
        return random.nextBoolean();
    }

    /** A decimal with one digit after the point, from 0 up to {@code max}. */
    BigDecimal tenths(int max) {
        return decimal(max, 1);
    }

    BigDecimal percent() {
        return decimal(100, percentDecimals);
    }

    Lots lots() {
        return Lots.of(decimal(20, lotDecimals));
    }

    private BigDecimal decimal(int max, int decimals) {
        long units = BigDecimal.TEN.pow(decimals).longValueExact();
        return BigDecimal.valueOf(random.nextLong(0, max * units + 1), decimals);
    }

    /** A trade of client C-1 in the month, on any symbol (one no plan knows), held 0 to 10 minutes. */
    ClosedTrade trade(int index) {
        return aTrade().eventId("T-" + index).symbol(SYMBOLS.get(random.nextInt(SYMBOLS.size())))
                .lots(lots().toString())
                .closedAt(Fixtures.OCT_1.plus(Duration.ofMinutes(index + 1L)))
                .heldSeconds(between(0, 600))
                .spreadRevenue(chance() ? decimal(50, spreadDecimals).toPlainString() : null)
                .build();
    }

    List<PartnerOnPath> hybridPath(int length, TierMode tierMode) {
        List<PartnerOnPath> path = new ArrayList<>();
        for (int level = 0; level < length; level++) {
            path.add(partner("P" + level, hybridPlan("PLAN-" + level, tierMode)));
        }
        return path;
    }

    /** A valid plan holding a random mix of the per-trade rules and override modes. */
    PlanVersion hybridPlan(String code, TierMode tierMode) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule.PerLot(Map.of("FX_MAJORS", tenths(15), "METALS", tenths(25)), chance() ? 60 : null));
        if (chance()) {
            rules.add(new Rule.SpreadShare(percent(), chance() ? 120 : null));
        }
        if (chance()) {
            rules.add(tiered(tierMode));
        }
        if (chance()) {
            rules.add(new Rule.Override(OverrideMode.RATE_DIFFERENCE, maxDepth(), null, null));
        }
        if (chance()) {
            rules.add(new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, maxDepth(), perLevel(this::percent), null));
        }
        if (chance()) {
            rules.add(new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, maxDepth(), null, perLevel(() -> tenths(3))));
        }
        return plan(code, rules.toArray(Rule[]::new));
    }

    Rule.TieredPerLot tiered(TierMode mode) {
        List<Rule.TieredPerLot.Tier> tiers = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        for (int i = between(1, 4); i > 0; i--) {
            tiers.add(new Rule.TieredPerLot.Tier(from, tenths(10)));
            from = from.add(tenths(30)).add(BigDecimal.ONE);
        }
        return new Rule.TieredPerLot(tiers, mode);
    }

    private Integer maxDepth() {
        return chance() ? null : between(1, 4);
    }

    private List<BigDecimal> perLevel(java.util.function.Supplier<BigDecimal> value) {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = between(1, 5); i > 0; i--) {
            values.add(value.get());
        }
        return values;
    }
}
