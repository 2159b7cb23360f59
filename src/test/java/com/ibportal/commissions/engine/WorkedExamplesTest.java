package com.ibportal.commissions.engine;

import com.ibportal.shared.Lots;
import com.ibportal.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static com.ibportal.commissions.engine.Fixtures.APPROVED_CLIENT;
import static com.ibportal.commissions.engine.Fixtures.NO_RATES;
import static com.ibportal.commissions.engine.Fixtures.aTrade;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static com.ibportal.commissions.engine.Fixtures.partner;
import static com.ibportal.commissions.engine.Fixtures.perLot;
import static com.ibportal.commissions.engine.Fixtures.percentOfDownline;
import static com.ibportal.commissions.engine.Fixtures.plan;
import static com.ibportal.commissions.engine.Fixtures.rateDifference;
import static com.ibportal.commissions.engine.Fixtures.tiered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The worked examples of commission-rules.md, with exactly its numbers. */
class WorkedExamplesTest {

    private final CommissionEngine engine = new CommissionEngine(NO_RATES);

    /** Example 1: M at 10.00 over S at 7.00; S's client closes 2.50 lots EURUSD. */
    private EngineResult example1() {
        PartnerOnPath s = partner("S", plan("SUB", perLot("FX_MAJORS", "7.00")));
        PartnerOnPath m = partner("M", plan("MASTER", perLot("FX_MAJORS", "10.00"), rateDifference()));
        ClosedTrade trade = aTrade().symbol("EURUSD").lots("2.50").build();
        return engine.closedTrade(trade, List.of(s, m), APPROVED_CLIENT, Lots.ZERO);
    }

    @Test
    void rateDifferencePaysTheMasterItsRateAboveTheSubIbs() {
        EngineResult result = example1();

        assertThat(result.lines())
                .extracting(LineDraft::partnerCode, LineDraft::level, LineDraft::rule, LineDraft::amount)
                .containsExactly(
                        tuple("S", 0, RuleKind.PER_LOT, dec("17.5000")),
                        tuple("M", 1, RuleKind.OVERRIDE, dec("7.5000")));
        assertThat(result.lines().get(1).explanation())
                .startsWith("2.50 lots EURUSD × (10.00 − 7.00) USD/lot")
                .contains("client C-1 → S → M");
        assertThat(total(result.lines())).isEqualByComparingTo(dec("10.00").multiply(dec("2.50")));
    }

    @Test
    void percentOfDownlinePaysEachAncestorItsPercentOfTheDirectPartnersLine() {
        PartnerOnPath s = partner("S", plan("SUB", perLot("FX_MAJORS", "6.00")));
        PartnerOnPath m = partner("M", plan("MASTER", percentOfDownline("20", "5")));
        PartnerOnPath g = partner("G", plan("GRAND", percentOfDownline("20", "5")));

        EngineResult result = engine.closedTrade(aTrade().lots("1.00").build(), List.of(s, m, g), APPROVED_CLIENT,
                Lots.ZERO);

        assertThat(result.lines())
                .extracting(LineDraft::partnerCode, LineDraft::level, LineDraft::amount)
                .containsExactly(
                        tuple("S", 0, dec("6.0000")),
                        tuple("M", 1, dec("1.2000")),
                        tuple("G", 2, dec("0.3000")));
        assertThat(result.lines().get(1).explanation()).startsWith("20% of S's 6.0000 USD (PER_LOT)");
        assertThat(result.lines().get(2).explanation()).startsWith("5% of S's 6.0000 USD (PER_LOT)");
    }

    @Test
    void cpaIsPaidOnceAtTheInstantTheLastConditionIsMet() {
        PartnerOnPath s = partner("S", plan("CPA",
                new Rule.Cpa(dec("200.00"), dec("100"), dec("1.0"), 30)));
        Instant day1 = Instant.parse("2026-10-01T09:00:00Z");
        ClientHistory history = new ClientHistory(APPROVED_CLIENT,
                new Deposit("FTD-1", day1, Money.of("150.00", "USD")),
                new KycApproval("KYC-1", day1.plus(Duration.ofDays(1))),
                List.of(aTrade().eventId("T-5").lots("0.60").closedAt(day1.plus(Duration.ofDays(4))).build(),
                        aTrade().eventId("T-10").lots("0.50").closedAt(day1.plus(Duration.ofDays(9))).build()));

        EngineResult result = engine.cpa(s, history);

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("200.00");
            assertThat(line.rule()).isEqualTo(RuleKind.CPA);
            assertThat(line.occurredAt()).isEqualTo(day1.plus(Duration.ofDays(9)));
            assertThat(line.eventId()).isEqualTo("T-10");
            assertThat(line.status()).isEqualTo(LineStatus.PAYABLE);
        });
    }

    @Test
    void aDuplicateClientGetsTheLinesOfBothLevelsReversed() {
        List<LineDraft> written = example1().lines();
        Instant markedDuplicate = Instant.parse("2026-11-03T12:00:00Z");

        List<LineDraft> reversals = List.of(
                new WrittenLine(101, written.get(0), LineStatus.PAID).reversal("client KYC DUPLICATE", markedDuplicate),
                new WrittenLine(102, written.get(1), LineStatus.PAID).reversal("client KYC DUPLICATE", markedDuplicate));

        assertThat(reversals)
                .extracting(LineDraft::partnerCode, LineDraft::level, LineDraft::amount, LineDraft::reversalOf,
                        LineDraft::status, LineDraft::occurredAt)
                .containsExactly(
                        tuple("S", 0, dec("-17.5000"), 101L, LineStatus.PAYABLE, markedDuplicate),
                        tuple("M", 1, dec("-7.5000"), 102L, LineStatus.PAYABLE, markedDuplicate));
        assertThat(reversals.getFirst().explanation()).contains("clawback of paid line #101", "client KYC DUPLICATE");
    }

    @Test
    void progressiveTiersSplitATradeThatCrossesATierBoundary() {
        PartnerOnPath s = partner("S", plan("TIERS", tiered(TierMode.PROGRESSIVE, "0", "5.00", "100", "7.00")));

        EngineResult result = engine.closedTrade(aTrade().lots("4.00").build(), List.of(s), APPROVED_CLIENT,
                Lots.of("98.00"));

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("24.00");
            assertThat(line.explanation()).startsWith("2.00 lots × 5.00 + 2.00 lots × 7.00 USD/lot");
        });
    }

    @Test
    void revenueShareCarriesALosingMonthIntoTheNext() {
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("25"), true)));

        RevenueShareResult october = engine.revenueShare(s, YearMonth.of(2026, 10),
                monthTrades("2026-10", "-900.00", "-100.00"), BigDecimal.ZERO);
        RevenueShareResult november = engine.revenueShare(s, YearMonth.of(2026, 11),
                monthTrades("2026-11", "450.00", "-50.00"), october.lossCarriedOut());
        RevenueShareResult december = engine.revenueShare(s, YearMonth.of(2026, 12),
                monthTrades("2026-12", "-1000.00", "0"), november.lossCarriedOut());

        assertThat(october.outcome().lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("250.00"));
        assertThat(october.lossCarriedOut()).isEqualByComparingTo("0");
        assertThat(november.outcome().lines()).isEmpty();
        assertThat(november.lossCarriedOut()).isEqualByComparingTo("400.00");
        assertThat(december.outcome().lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("150.00"));
        assertThat(december.lossCarriedOut()).isEqualByComparingTo("0");
    }

    /** Two trades of the month whose profit + swap add up to {@code profit + swap}. */
    private static List<ClosedTrade> monthTrades(String month, String profit, String swap) {
        Instant midMonth = Instant.parse(month + "-15T12:00:00Z");
        return List.of(
                aTrade().eventId(month + "-a").closedAt(midMonth).profit(profit).build(),
                aTrade().eventId(month + "-b").closedAt(midMonth.plusSeconds(60)).swap(swap).build());
    }

    static BigDecimal total(List<LineDraft> lines) {
        return lines.stream().map(LineDraft::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
