package com.ibportal.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.commissions.engine.OverrideMode;
import com.ibportal.commissions.engine.PlanVersion;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.SymbolGroup;
import com.ibportal.commissions.engine.TierMode;
import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The most a plan pays per lot along a full upline that holds it (decision W8). */
class PayoutPerLotTest {

    private static PlanVersion plan(Rule... rules) {
        return new PlanVersion("P", 1, CurrencyCode.of("USD"),
                List.of(new SymbolGroup("FX", List.of("EURUSD")), new SymbolGroup("METALS", List.of("XAU*"))), List.of(rules));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void perLotWithRateDifferenceCostsTheTopRateOnly() {
        PayoutPerLot.Ceiling ceiling = PayoutPerLot.of(plan(new Rule.PerLot(Map.of("FX", d("10.00")), null),
                new Rule.Override(OverrideMode.RATE_DIFFERENCE, null, List.of(), List.of())), "FX", d("6"));
        assertThat(ceiling.amount()).isEqualByComparingTo("10.00");
        assertThat(ceiling.itemised()).contains("PER_LOT 10.00").contains("RATE_DIFFERENCE");
    }

    @Test
    void spreadShareTiersAndPercentOfDownlineAddUpWithinMaxDepth() {
        // Level 0: 30% of 5.00 spread = 1.50 + top tier 4.00 = 5.50; downline 10% + 5% (the third level is beyond maxDepth) = 0.825.
        PayoutPerLot.Ceiling ceiling = PayoutPerLot.of(plan(new Rule.SpreadShare(d("30"), null),
                new Rule.TieredPerLot(List.of(new Rule.TieredPerLot.Tier(d("0"), d("3.00")),
                        new Rule.TieredPerLot.Tier(d("50"), d("4.00"))), TierMode.PROGRESSIVE),
                new Rule.Override(OverrideMode.PERCENT_OF_DOWNLINE, 2, List.of(d("10"), d("5"), d("5")), List.of())), "METALS", d("5.00"));
        assertThat(ceiling.amount()).isEqualByComparingTo("6.325");
    }

    @Test
    void perLotPerLevelAddsItsLevelRatesAndAGroupWithoutRateCostsNothingPerLot() {
        Rule.Override levels = new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, null, List.of(), List.of(d("1.00"), d("0.50")));
        assertThat(PayoutPerLot.of(plan(new Rule.PerLot(Map.of("FX", d("7")), null), levels), "FX", d("0")).amount())
                .isEqualByComparingTo("8.50");
        assertThat(PayoutPerLot.of(plan(new Rule.PerLot(Map.of("FX", d("7")), null)), "METALS", d("3")).amount())
                .isEqualByComparingTo("0");
        assertThat(PayoutPerLot.of(plan(new Rule.RevenueShare(d("25"), true)), "FX", d("3")).itemised()).isEqualTo("nothing per lot");
    }
}
