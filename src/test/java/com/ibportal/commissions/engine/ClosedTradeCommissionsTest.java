package com.ibportal.commissions.engine;

import com.ibportal.shared.Lots;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static com.ibportal.commissions.engine.Fixtures.APPROVED_CLIENT;
import static com.ibportal.commissions.engine.Fixtures.EUR;
import static com.ibportal.commissions.engine.Fixtures.NO_RATES;
import static com.ibportal.commissions.engine.Fixtures.UNVERIFIED_CLIENT;
import static com.ibportal.commissions.engine.Fixtures.USD;
import static com.ibportal.commissions.engine.Fixtures.aTrade;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static com.ibportal.commissions.engine.Fixtures.decimals;
import static com.ibportal.commissions.engine.Fixtures.partner;
import static com.ibportal.commissions.engine.Fixtures.perLot;
import static com.ibportal.commissions.engine.Fixtures.perLotPerLevel;
import static com.ibportal.commissions.engine.Fixtures.percentOfDownline;
import static com.ibportal.commissions.engine.Fixtures.plan;
import static com.ibportal.commissions.engine.Fixtures.rateDifference;
import static com.ibportal.commissions.engine.Fixtures.rates;
import static com.ibportal.commissions.engine.Fixtures.spreadShare;
import static com.ibportal.commissions.engine.Fixtures.tiered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClosedTradeCommissionsTest {

    private static final LocalDate TRADE_DATE = LocalDate.of(2026, 10, 1);

    private final CommissionEngine engine = new CommissionEngine(NO_RATES);

    private final PartnerOnPath sub = partner("S", plan("SUB", perLot("FX_MAJORS", "7.00")));
    private final PartnerOnPath master = partner("M", plan("MASTER", perLot("FX_MAJORS", "10.00"), rateDifference()));

    @Test
    void excludesATradeHeldShorterThanMinHoldSeconds() {
        PartnerOnPath s = partner("S", plan("SUB", new Rule.PerLot(Map.of("FX_MAJORS", dec("7.00")), 60)));

        EngineResult result = engine.closedTrade(aTrade().heldSeconds(12).build(), List.of(s), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.rule()).isEqualTo(RuleKind.PER_LOT);
            assertThat(exclusion.reason()).isEqualTo("held 12 s < minHoldSeconds 60");
        });
    }

    @Test
    void paysATradeHeldExactlyMinHoldSeconds() {
        PartnerOnPath s = partner("S", plan("SUB", new Rule.PerLot(Map.of("FX_MAJORS", dec("7.00")), 60)));

        EngineResult result = engine.closedTrade(aTrade().heldSeconds(60).build(), List.of(s), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines()).hasSize(1);
    }

    @Test
    void excludesASymbolInNoSymbolGroup() {
        EngineResult result = engine.closedTrade(aTrade().symbol("FOO").build(), List.of(sub), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).extracting(Exclusion::reason)
                .containsExactly("symbol FOO in no symbol group of plan SUB");
    }

    @Test
    void paysAWildcardGroupsRate() {
        PartnerOnPath s = partner("S", plan("SUB", new Rule.PerLot(
                Map.of("FX_MAJORS", dec("7.00"), "METALS", dec("15.00")), null)));

        EngineResult result = engine.closedTrade(aTrade().symbol("XAUUSD").lots("2.00").build(), List.of(s),
                APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("30.00");
            assertThat(line.explanation()).startsWith("2.00 lots XAUUSD × 15.00 USD/lot (METALS)");
        });
    }

    @Test
    void paysTheRateOfTheFirstMatchingGroup() {
        PlanVersion plan = new PlanVersion("SUB", 1, USD, List.of(
                new SymbolGroup("EURO_CROSSES", List.of("EUR*")),
                new SymbolGroup("FX_MAJORS", List.of("EURUSD")),
                new SymbolGroup("EVERYTHING_ELSE", List.of("*"))),
                List.of(new Rule.PerLot(Map.of("EURO_CROSSES", dec("3.00"), "FX_MAJORS", dec("7.00"),
                        "EVERYTHING_ELSE", dec("1.00")), null)));
        PartnerOnPath s = partner("S", plan);

        assertThat(engine.closedTrade(aTrade().symbol("EURUSD").build(), List.of(s), APPROVED_CLIENT, Lots.ZERO)
                .lines()).extracting(LineDraft::amount).containsExactly(dec("3.0000"));
        assertThat(engine.closedTrade(aTrade().symbol("US30").build(), List.of(s), APPROVED_CLIENT, Lots.ZERO)
                .lines()).extracting(LineDraft::amount).containsExactly(dec("1.0000"));
    }

    @Test
    void writesNothingForASelfReferredClient() {
        ClientProfile partnersOwnAccount = new ClientProfile("C-1", " S@IB.example ", true);

        EngineResult result = engine.closedTrade(aTrade().build(), List.of(sub, master), partnersOwnAccount, Lots.ZERO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.partnerCode()).isEqualTo("S");
            assertThat(exclusion.rule()).isNull();
            assertThat(exclusion.reason()).startsWith("self-referred client");
        });
    }

    @Test
    void writesNothingForAnOrganicClient() {
        EngineResult result = engine.closedTrade(aTrade().build(), List.of(), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void maxDepthStopsAnOverrideFromReachingFurtherUp() {
        Rule.Override twoLevels = new Rule.Override(OverrideMode.PER_LOT_PER_LEVEL, 2, null,
                decimals("1.00", "0.50", "0.25"));
        PartnerOnPath a1 = partner("A1", plan("UP", twoLevels));
        PartnerOnPath a2 = partner("A2", plan("UP", twoLevels));
        PartnerOnPath a3 = partner("A3", plan("UP", twoLevels));

        EngineResult result = engine.closedTrade(aTrade().lots("2.00").build(), List.of(sub, a1, a2, a3),
                APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode, LineDraft::level, LineDraft::amount)
                .containsExactly(tuple("S", 0, dec("14.0000")), tuple("A1", 1, dec("2.0000")),
                        tuple("A2", 2, dec("1.0000")));
        assertThat(result.exclusions()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.partnerCode()).isEqualTo("A3");
            assertThat(exclusion.reason()).contains("maxDepth", "distance 3");
        });
    }

    @Test
    void percentOfDownlineIsTakenFromTheDirectLinesOnlyNeverFromOtherOverrides() {
        PartnerOnPath s = partner("S", plan("SUB", perLot("FX_MAJORS", "6.00")));
        PartnerOnPath g = partner("G", plan("GRAND", percentOfDownline("0", "10")));

        EngineResult result = engine.closedTrade(aTrade().build(), List.of(s, master, g), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode, LineDraft::amount)
                .containsExactly(tuple("S", dec("6.0000")), tuple("M", dec("4.0000")), tuple("G", dec("0.6000")));
    }

    @Test
    void convertsSpreadRevenueAtTheRateOfTheTradesUtcDate() {
        CommissionEngine withRates = new CommissionEngine(rates(TRADE_DATE, EUR, USD, "1.0800"));
        PartnerOnPath s = partner("S", plan("SUB", spreadShare("30")));
        ClosedTrade trade = aTrade().spreadRevenue("65.00").currency(EUR).build();

        EngineResult result = withRates.closedTrade(trade, List.of(s), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("21.06");
            assertThat(line.currency()).isEqualTo(USD);
            assertThat(line.explanation()).startsWith("30% of spread revenue 65.00 EUR × 1.0800 EURUSD");
        });
    }

    @Test
    void convertsTheChildsRateIntoTheAncestorsCurrencyForARateDifference() {
        CommissionEngine withRates = new CommissionEngine(rates(TRADE_DATE, EUR, USD, "1.0800"));
        PartnerOnPath euroSub = partner("S", plan("SUB-EUR", EUR, perLot("FX_MAJORS", "7.00")));

        EngineResult result = withRates.closedTrade(aTrade().lots("2.50").build(), List.of(euroSub, master),
                APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode, LineDraft::amount, LineDraft::currency)
                .containsExactly(tuple("S", dec("17.5000"), EUR), tuple("M", dec("6.1000"), USD));
    }

    @Test
    void waitsForAMissingFxRateInsteadOfWritingLines() {
        PartnerOnPath s = partner("S", plan("SUB", perLot("FX_MAJORS", "7.00"), spreadShare("30")));
        ClosedTrade trade = aTrade().spreadRevenue("65.00").currency(EUR).build();

        EngineResult result = engine.closedTrade(trade, List.of(s), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.isWaitingForFxRate()).isTrue();
        assertThat(result.missingFxRate()).contains(new MissingFxRate(TRADE_DATE, EUR, USD));
        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void linesArePendingUntilTheClientsKycIsApproved() {
        ClosedTrade trade = aTrade().build();

        assertThat(engine.closedTrade(trade, List.of(sub, master), UNVERIFIED_CLIENT, Lots.ZERO).lines())
                .hasSize(2).extracting(LineDraft::status).containsOnly(LineStatus.PENDING);
        assertThat(engine.closedTrade(trade, List.of(sub, master), APPROVED_CLIENT, Lots.ZERO).lines())
                .hasSize(2).extracting(LineDraft::status).containsOnly(LineStatus.PAYABLE);
    }

    @Test
    void everyLinePointsAtTheSameSourceEventAndDirectPartner() {
        EngineResult result = engine.closedTrade(aTrade().eventId("EV-9").build(), List.of(sub, master),
                APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines())
                .extracting(LineDraft::eventId, LineDraft::clientId, LineDraft::sourcePartnerCode, LineDraft::planCode,
                        LineDraft::occurredAt)
                .containsOnly(tuple("EV-9", "C-1", "S", "SUB", aTrade().build().closedAt()),
                        tuple("EV-9", "C-1", "S", "MASTER", aTrade().build().closedAt()));
    }

    @Test
    void aRuleThatComputesToZeroIsRecordedAsExcluded() {
        PartnerOnPath s = partner("S", plan("SUB", spreadShare("30")));

        EngineResult result = engine.closedTrade(aTrade().spreadRevenue("0.00").build(), List.of(s), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).extracting(Exclusion::reason)
                .singleElement().asString().startsWith("amount rounds to 0");
    }

    @Test
    void anAncestorEarnsNoRateDifferenceWhereItsRateDoesNotExceedTheChilds() {
        PartnerOnPath richSub = partner("S", plan("SUB", perLot("FX_MAJORS", "12.00")));

        EngineResult result = engine.closedTrade(aTrade().build(), List.of(richSub, master), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode).containsExactly("S");
        assertThat(result.exclusions()).extracting(Exclusion::reason)
                .singleElement().asString().startsWith("no rate difference");
    }

    @Test
    void aPartnerWithoutAPlanEarnsNothingAndCountsAsRateZeroBelowItsAncestor() {
        PartnerOnPath planless = new PartnerOnPath("S", "s@ib.example", null);

        EngineResult result = engine.closedTrade(aTrade().build(), List.of(planless, master), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode, LineDraft::amount)
                .containsExactly(tuple("M", dec("10.0000")));
        assertThat(result.exclusions()).extracting(Exclusion::reason).containsExactly("partner has no plan");
    }

    @Test
    void retroactiveTiersAccrueAtTheRunningTierAndTrueUpTheMonthAtTheFinalTier() {
        PartnerOnPath s = partner("S", plan("TIERS", tiered(TierMode.RETROACTIVE, "0", "5.00", "100", "7.00")));

        EngineResult crossing = engine.closedTrade(aTrade().lots("4.00").build(), List.of(s), APPROVED_CLIENT,
                Lots.of("98.00"));
        BigDecimal accrued = dec("490.00").add(crossing.lines().getFirst().amount());
        EngineResult trueUp = engine.retroactiveTrueUp(s, YearMonth.of(2026, 10), Lots.of("102.00"), accrued);

        assertThat(crossing.lines()).extracting(LineDraft::amount).containsExactly(dec("28.0000"));
        assertThat(trueUp.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("196.00");
            assertThat(line.rule()).isEqualTo(RuleKind.TIERED_PER_LOT);
            assertThat(line.eventId()).isEqualTo("S/2026-10/TIERED_PER_LOT");
            assertThat(line.occurredAt()).hasToString("2026-10-31T23:59:59Z");
        });
    }

    @Test
    void anAncestorWithoutARatePerLevelForItsDistanceIsExcluded() {
        PartnerOnPath a1 = partner("A1", plan("UP", perLotPerLevel("1.00")));
        PartnerOnPath a2 = partner("A2", plan("UP", perLotPerLevel("1.00")));

        EngineResult result = engine.closedTrade(aTrade().build(), List.of(sub, a1, a2), APPROVED_CLIENT, Lots.ZERO);

        assertThat(result.lines()).extracting(LineDraft::partnerCode).containsExactly("S", "A1");
        assertThat(result.exclusions()).extracting(Exclusion::partnerCode, Exclusion::reason)
                .containsExactly(tuple("A2", "PER_LOT_PER_LEVEL names no rate for distance 2"));
    }

    @Test
    void refusesAClientThatIsNotTheTradesClient() {
        ClientProfile someoneElse = new ClientProfile("C-2", null, true);

        assertThatThrownBy(() -> engine.closedTrade(aTrade().build(), List.of(sub), someoneElse, Lots.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
