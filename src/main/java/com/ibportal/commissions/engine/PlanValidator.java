package com.ibportal.commissions.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan version before it is stored, reporting every problem by field path. The engine
 * trusts what passes: it does not repeat these checks per event.
 */
public final class PlanValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<PlanViolation> violations = new ArrayList<>();

    private PlanValidator() {
    }

    /** Every violation found in the plan, in field order; empty when the plan is valid. */
    public static List<PlanViolation> validate(PlanVersion plan) {
        PlanValidator validator = new PlanValidator();
        validator.plan(plan);
        return List.copyOf(validator.violations);
    }

    private void plan(PlanVersion plan) {
        if (plan.planCode() == null || plan.planCode().isBlank()) {
            reject("planCode", "is required");
        }
        if (plan.version() < 1) {
            reject("version", "must be 1 or more");
        }
        if (plan.payoutCurrency() == null) {
            reject("payoutCurrency", "is required");
        }
        symbolGroups(plan.symbolGroups());
        if (plan.rules().isEmpty()) {
            reject("rules", "must hold at least one rule");
        }
        Map<Object, Integer> firstIndexOfKind = new HashMap<>();
        for (int i = 0; i < plan.rules().size(); i++) {
            String field = "rules[" + i + "]";
            Rule rule = plan.rules().get(i);
            // One rule per kind, except OVERRIDE: one per mode, since an ancestor may combine modes.
            Object kind = rule instanceof Rule.Override override && override.mode() != null
                    ? override.mode() : rule.kind();
            Integer first = firstIndexOfKind.putIfAbsent(kind, i);
            if (first != null) {
                reject(field + ".kind", "the plan already holds a " + kind + " rule at rules[" + first + "]");
            }
            rule(field, rule, plan);
        }
    }

    private void symbolGroups(List<SymbolGroup> groups) {
        Map<String, Integer> firstIndexOfName = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String field = "symbolGroups[" + i + "]";
            SymbolGroup group = groups.get(i);
            if (group.name() == null || group.name().isBlank()) {
                reject(field + ".name", "is required");
            } else {
                Integer first = firstIndexOfName.putIfAbsent(group.name(), i);
                if (first != null) {
                    reject(field + ".name", "duplicate group name " + group.name()
                            + " (also symbolGroups[" + first + "])");
                }
            }
            if (group.symbols().isEmpty()) {
                reject(field + ".symbols", "must list at least one symbol or pattern");
            }
            for (int j = 0; j < group.symbols().size(); j++) {
                String symbol = group.symbols().get(j);
                if (symbol.isBlank()) {
                    reject(field + ".symbols[" + j + "]", "must not be blank");
                } else if (symbol.chars().anyMatch(Character::isWhitespace)) {
                    reject(field + ".symbols[" + j + "]", "must not contain spaces: '" + symbol + "'");
                }
            }
        }
    }

    private void rule(String field, Rule rule, PlanVersion plan) {
        switch (rule) {
            case Rule.Cpa cpa -> {
                positive(field + ".amount", cpa.amount());
                nonNegative(field + ".minDeposit", required(field + ".minDeposit", cpa.minDeposit()));
                nonNegative(field + ".minLots", cpa.minLots());
                atLeastOne(field + ".windowDays", cpa.windowDays());
            }
            case Rule.PerLot perLot -> {
                if (perLot.rates().isEmpty()) {
                    reject(field + ".rates", "must name at least one symbol group");
                }
                perLot.rates().forEach((group, rate) -> {
                    if (plan.symbolGroups().stream().noneMatch(g -> group.equals(g.name()))) {
                        reject(field + ".rates." + group, "unknown symbol group " + group);
                    }
                    nonNegative(field + ".rates." + group, required(field + ".rates." + group, rate));
                });
                nonNegative(field + ".minHoldSeconds", perLot.minHoldSeconds());
            }
            case Rule.SpreadShare spreadShare -> {
                percent(field + ".percent", required(field + ".percent", spreadShare.percent()));
                nonNegative(field + ".minHoldSeconds", spreadShare.minHoldSeconds());
            }
            case Rule.RevenueShare revenueShare ->
                    percent(field + ".percent", required(field + ".percent", revenueShare.percent()));
            case Rule.TieredPerLot tiered -> tiers(field, tiered);
            case Rule.Override override -> override(field, override, plan);
        }
    }

    private void tiers(String field, Rule.TieredPerLot rule) {
        required(field + ".mode", rule.mode());
        if (rule.tiers().isEmpty()) {
            reject(field + ".tiers", "must hold at least one tier");
        }
        BigDecimal previousFrom = null;
        for (int j = 0; j < rule.tiers().size(); j++) {
            String tierField = field + ".tiers[" + j + "]";
            Rule.TieredPerLot.Tier tier = rule.tiers().get(j);
            BigDecimal from = required(tierField + ".fromLots", tier.fromLots());
            if (from != null && j == 0 && from.signum() != 0) {
                reject(tierField + ".fromLots", "the first tier must start at 0 lots");
            } else if (from != null && previousFrom != null && from.compareTo(previousFrom) <= 0) {
                reject(tierField + ".fromLots", "tiers must ascend: " + Decimals.plain(from)
                        + " is not above " + Decimals.plain(previousFrom) + " of tiers[" + (j - 1) + "]");
            }
            previousFrom = from == null ? previousFrom : from;
            nonNegative(tierField + ".rate", required(tierField + ".rate", tier.rate()));
        }
    }

    private void override(String field, Rule.Override rule, PlanVersion plan) {
        atLeastOne(field + ".maxDepth", rule.maxDepth());
        if (required(field + ".mode", rule.mode()) == null) {
            return;
        }
        boolean usesPercents = rule.mode() == OverrideMode.PERCENT_OF_DOWNLINE;
        boolean usesRates = rule.mode() == OverrideMode.PER_LOT_PER_LEVEL;
        perLevel(field + ".percents", rule.percents(), usesPercents, rule.mode(), true);
        perLevel(field + ".rates", rule.rates(), usesRates, rule.mode(), false);
        if (rule.mode() == OverrideMode.RATE_DIFFERENCE && plan.rule(Rule.PerLot.class).isEmpty()) {
            reject(field + ".mode", "RATE_DIFFERENCE compares PER_LOT rates: the plan needs a PER_LOT rule");
        }
    }

    private void perLevel(String field, List<BigDecimal> values, boolean used, OverrideMode mode, boolean arePercents) {
        if (!used) {
            if (!values.isEmpty()) {
                reject(field, "not used by mode " + mode);
            }
            return;
        }
        if (values.isEmpty()) {
            reject(field, "is required for mode " + mode + ": one value per distance, the first for distance 1");
        }
        for (int d = 0; d < values.size(); d++) {
            if (arePercents) {
                percent(field + "[" + d + "]", values.get(d));
            } else {
                nonNegative(field + "[" + d + "]", values.get(d));
            }
        }
    }

    private <T> T required(String field, T value) {
        if (value == null) {
            reject(field, "is required");
        }
        return value;
    }

    private void positive(String field, BigDecimal value) {
        if (required(field, value) != null && value.signum() <= 0) {
            reject(field, "must be positive: " + Decimals.plain(value));
        }
    }

    private void nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            reject(field, "must not be negative: " + Decimals.plain(value));
        }
    }

    private void nonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            reject(field, "must not be negative: " + value);
        }
    }

    private void atLeastOne(String field, Integer value) {
        if (value != null && value < 1) {
            reject(field, "must be 1 or more: " + value);
        }
    }

    private void percent(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            reject(field, "must be a percent between 0 and 100: " + Decimals.plain(value));
        }
    }

    private void reject(String field, String message) {
        violations.add(new PlanViolation(field, message));
    }
}
