package com.ibportal.commissions.engine;

import com.ibportal.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.ibportal.commissions.engine.Fixtures.APPROVED_CLIENT;
import static com.ibportal.commissions.engine.Fixtures.EUR;
import static com.ibportal.commissions.engine.Fixtures.NO_RATES;
import static com.ibportal.commissions.engine.Fixtures.USD;
import static com.ibportal.commissions.engine.Fixtures.aTrade;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static com.ibportal.commissions.engine.Fixtures.partner;
import static com.ibportal.commissions.engine.Fixtures.plan;
import static com.ibportal.commissions.engine.Fixtures.rates;
import static org.assertj.core.api.Assertions.assertThat;

class CpaQualificationTest {

    private static final Instant FTD_AT = Instant.parse("2026-10-01T09:00:00Z");
    private static final Deposit FTD = new Deposit("FTD-1", FTD_AT, Money.of("150.00", "USD"));
    private static final KycApproval KYC_DAY_2 = new KycApproval("KYC-1", day(2));

    private final CommissionEngine engine = new CommissionEngine(NO_RATES);
    private final PartnerOnPath partner =
            partner("S", plan("CPA", new Rule.Cpa(dec("200.00"), dec("100"), dec("1.0"), 30)));

    @Test
    void aClientThatReachesMinLotsOnlyAfterTheWindowNeverQualifies() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, FTD, KYC_DAY_2,
                List.of(trade("T-5", "0.60", day(5)), trade("T-35", "0.50", day(35))));

        EngineResult result = engine.cpa(partner, history);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.rule()).isEqualTo(RuleKind.CPA);
            assertThat(exclusion.reason()).contains("0.60 lots within 30 days", "below minLots 1.0");
        });
    }

    @Test
    void theWindowIncludesItsLastInstant() {
        Instant windowEnd = FTD_AT.plus(Duration.ofDays(30));
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, FTD, KYC_DAY_2,
                List.of(trade("T-LAST", "1.00", windowEnd)));

        assertThat(engine.cpa(partner, history).lines()).singleElement()
                .satisfies(line -> assertThat(line.occurredAt()).isEqualTo(windowEnd));
    }

    @Test
    void aKycApprovedAfterTheWindowNeverQualifies() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, FTD, new KycApproval("KYC-40", day(40)),
                List.of(trade("T-5", "1.10", day(5))));

        EngineResult result = engine.cpa(partner, history);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).extracting(Exclusion::reason).singleElement().asString()
                .contains("after the window closed");
    }

    @Test
    void aFirstDepositBelowMinDepositDoesNotQualify() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, new Deposit("FTD-1", FTD_AT,
                Money.of("99.99", "USD")), KYC_DAY_2, List.of(trade("T-5", "2.00", day(5))));

        assertThat(engine.cpa(partner, history).exclusions()).extracting(Exclusion::reason).singleElement()
                .asString().contains("below minDeposit 100 USD");
    }

    @Test
    void theFirstDepositIsConvertedAtTheRateOfItsUtcDate() {
        CommissionEngine withRates = new CommissionEngine(rates(LocalDate.of(2026, 10, 1), EUR, USD, "1.0800"));
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, new Deposit("FTD-1", FTD_AT,
                Money.of("95.00", "EUR")), KYC_DAY_2, List.of(trade("T-5", "1.00", day(5))));

        assertThat(withRates.cpa(partner, history).lines()).singleElement()
                .satisfies(line -> assertThat(line.explanation()).contains("95.00 EUR × 1.0800 EURUSD ≥ minDeposit 100"));
    }

    @Test
    void waitsForTheRateOfAFirstDepositInAnotherCurrency() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, new Deposit("FTD-1", FTD_AT,
                Money.of("95.00", "EUR")), KYC_DAY_2, List.of());

        assertThat(engine.cpa(partner, history).missingFxRate())
                .contains(new MissingFxRate(LocalDate.of(2026, 10, 1), EUR, USD));
    }

    @Test
    void withoutMinLotsTheClientQualifiesWhenKycIsApproved() {
        PartnerOnPath depositOnly = partner("S", plan("CPA", new Rule.Cpa(dec("50.00"), dec("100"), null, null)));
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, FTD, KYC_DAY_2, List.of());

        assertThat(engine.cpa(depositOnly, history).lines()).singleElement().satisfies(line -> {
            assertThat(line.eventId()).isEqualTo("KYC-1");
            assertThat(line.occurredAt()).isEqualTo(day(2));
            assertThat(line.amount()).isEqualByComparingTo("50.00");
        });
    }

    @Test
    void aClientWithoutApprovedKycDoesNotQualifyYet() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, FTD, null, List.of(trade("T-5", "2.00", day(5))));

        assertThat(engine.cpa(partner, history).exclusions()).extracting(Exclusion::reason)
                .containsExactly("not qualified: KYC is not approved");
    }

    @Test
    void aClientWithoutAFirstDepositHasNothingToQualifyWith() {
        ClientHistory history = new ClientHistory(APPROVED_CLIENT, null, KYC_DAY_2, List.of());

        EngineResult result = engine.cpa(partner, history);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void aSelfReferredClientEarnsNoCpa() {
        ClientProfile ownAccount = new ClientProfile("C-1", "s@ib.example", true);
        ClientHistory history = new ClientHistory(ownAccount, FTD, KYC_DAY_2, List.of(trade("T-5", "2.00", day(5))));

        EngineResult result = engine.cpa(partner, history);

        assertThat(result.lines()).isEmpty();
        assertThat(result.exclusions()).extracting(Exclusion::reason).singleElement().asString()
                .startsWith("self-referred client");
    }

    private static Instant day(int day) {
        return FTD_AT.plus(Duration.ofDays(day - 1));
    }

    private static ClosedTrade trade(String eventId, String lots, Instant closedAt) {
        return aTrade().eventId(eventId).lots(lots).closedAt(closedAt).build();
    }
}
