package com.ibportal.commissions.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.ibportal.commissions.engine.Fixtures.STANDARD_GROUPS;
import static com.ibportal.commissions.engine.Fixtures.USD;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static com.ibportal.commissions.engine.Fixtures.decimals;
import static com.ibportal.commissions.engine.Fixtures.perLot;
import static com.ibportal.commissions.engine.Fixtures.tiered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

class PlanValidatorTest {

    /** The plan of the API contract's example: every rule kind and override mode. */
    private static final List<Rule> CONTRACT_RULES = List.of(
            new Rule.Cpa(dec("200.00"), dec("100.00"), dec("1.0"), 30),
            new Rule.PerLot(Map.of("FX_MAJORS", dec("10.00"), "METALS", dec("15.00")), 60),
            new Rule.SpreadShare(dec("30"), null),
            new Rule.RevenueShare(dec("25"), true),
            tiered(TierMode.PROGRESSIVE, "0", "5.00", "100", "7.00"),
            new Rule.Override(OverrideMode.RATE_DIFFERENCE, 3, null, null),
            new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, null, decimals("20", "5"), null),
            new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, null, null, decimals("1.00", "0.50")));

    @Test
    void acceptsTheContractsExamplePlan() {
        assertThat(PlanValidator.validate(plan(CONTRACT_RULES))).isEmpty();
    }

    @Test
    void reportsANegativeRateByGroup() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("FX_MAJORS", dec("-1.00"));
        rates.put("METALS", null);

        assertThat(violations(new Rule.SpreadShare(dec("30"), null), new Rule.PerLot(rates, -5)))
                .containsExactly(
                        tuple("rules[1].rates.FX_MAJORS", "must not be negative: -1.00"),
                        tuple("rules[1].rates.METALS", "is required"),
                        tuple("rules[1].minHoldSeconds", "must not be negative: -5"));
    }

    @Test
    void reportsAPerLotRateForAnUnknownGroup() {
        assertThat(violations(perLot("INDICES", "2.00")))
                .containsExactly(tuple("rules[0].rates.INDICES", "unknown symbol group INDICES"));
    }

    @Test
    void reportsPercentsOutsideZeroToHundred() {
        assertThat(violations(new Rule.SpreadShare(dec("100.01"), null), new Rule.RevenueShare(dec("-1"), false),
                new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, null, decimals("20", "101"), null)))
                .extracting(tuple -> tuple.toList().getFirst())
                .containsExactly("rules[0].percent", "rules[1].percent", "rules[2].percents[1]");
    }

    @Test
    void reportsTiersThatDoNotStartAtZeroOrDoNotAscend() {
        assertThat(violations(tiered(TierMode.RETROACTIVE, "10", "5.00", "100", "7.00", "100", "8.00", "50", "-1")))
                .containsExactly(
                        tuple("rules[0].tiers[0].fromLots", "the first tier must start at 0 lots"),
                        tuple("rules[0].tiers[2].fromLots", "tiers must ascend: 100 is not above 100 of tiers[1]"),
                        tuple("rules[0].tiers[3].fromLots", "tiers must ascend: 50 is not above 100 of tiers[2]"),
                        tuple("rules[0].tiers[3].rate", "must not be negative: -1"));
    }

    @Test
    void reportsAnOverrideWithoutTheValuesItsModeNeeds() {
        assertThat(violations(
                new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, 0, null, decimals("1.00")),
                new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, null, null, null),
                new Rule.Override(OverrideMode.RATE_DIFFERENCE, null, null, null),
                new Rule.Override(null, null, null, null)))
                .containsExactly(
                        tuple("rules[0].maxDepth", "must be 1 or more: 0"),
                        tuple("rules[0].percents", "is required for mode PERCENT_OF_DOWNLINE: one value per distance, the first for distance 1"),
                        tuple("rules[0].rates", "not used by mode PERCENT_OF_DOWNLINE"),
                        tuple("rules[1].rates", "is required for mode PER_LOT_PER_LEVEL: one value per distance, the first for distance 1"),
                        tuple("rules[2].mode", "RATE_DIFFERENCE compares PER_LOT rates: the plan needs a PER_LOT rule"),
                        tuple("rules[3].mode", "is required"));
    }

    @Test
    void reportsDuplicateGroupNamesAndBlankSymbols() {
        PlanVersion plan = new PlanVersion("P", 1, USD, List.of(
                new SymbolGroup("FX_MAJORS", Arrays.asList("EURUSD", "GBPUSD", " ")),
                new SymbolGroup("FX_MAJORS", List.of("XAU USD")),
                new SymbolGroup("", List.of())), List.of(perLot("FX_MAJORS", "1.00")));

        assertThat(PlanValidator.validate(plan)).extracting(PlanViolation::field, PlanViolation::message)
                .containsExactly(
                        tuple("symbolGroups[0].symbols[2]", "must not be blank"),
                        tuple("symbolGroups[1].name", "duplicate group name FX_MAJORS (also symbolGroups[0])"),
                        tuple("symbolGroups[1].symbols[0]", "must not contain spaces: 'XAU USD'"),
                        tuple("symbolGroups[2].name", "is required"),
                        tuple("symbolGroups[2].symbols", "must list at least one symbol or pattern"));
    }

    @Test
    void reportsMissingPlanFieldsAndASecondRuleOfTheSameKind() {
        PlanVersion plan = new PlanVersion(" ", 0, null, STANDARD_GROUPS,
                List.of(perLot("FX_MAJORS", "1.00"), perLot("METALS", "2.00")));

        assertThat(PlanValidator.validate(plan)).extracting(PlanViolation::field, PlanViolation::message)
                .containsExactly(
                        tuple("planCode", "is required"),
                        tuple("version", "must be 1 or more"),
                        tuple("payoutCurrency", "is required"),
                        tuple("rules[1].kind", "the plan already holds a PER_LOT rule at rules[0]"));
    }

    @Test
    void aNullListElementIsRefusedWhenThePlanIsBuilt() {
        assertThatNullPointerException().isThrownBy(() ->
                new PlanVersion("P", 1, USD, STANDARD_GROUPS, Arrays.asList(perLot("FX_MAJORS", "1.00"), null)));
    }

    @Test
    void reportsAnInvalidCpa() {
        assertThat(violations(new Rule.Cpa(dec("0"), null, dec("-1"), 0)))
                .containsExactly(
                        tuple("rules[0].amount", "must be positive: 0"),
                        tuple("rules[0].minDeposit", "is required"),
                        tuple("rules[0].minLots", "must not be negative: -1"),
                        tuple("rules[0].windowDays", "must be 1 or more: 0"));
    }

    private static List<org.assertj.core.groups.Tuple> violations(Rule... rules) {
        return PlanValidator.validate(plan(List.of(rules))).stream()
                .map(violation -> tuple(violation.field(), violation.message()))
                .toList();
    }

    private static PlanVersion plan(List<Rule> rules) {
        return new PlanVersion("STANDARD", 1, USD, STANDARD_GROUPS, rules);
    }
}
