package com.ibportal.commissions.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static com.ibportal.commissions.engine.Fixtures.EUR;
import static com.ibportal.commissions.engine.Fixtures.NO_RATES;
import static com.ibportal.commissions.engine.Fixtures.USD;
import static com.ibportal.commissions.engine.Fixtures.aTrade;
import static com.ibportal.commissions.engine.Fixtures.dec;
import static com.ibportal.commissions.engine.Fixtures.partner;
import static com.ibportal.commissions.engine.Fixtures.plan;
import static com.ibportal.commissions.engine.Fixtures.rates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevenueShareTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant OCT_15 = Instant.parse("2026-10-15T12:00:00Z");

    private final CommissionEngine engine = new CommissionEngine(NO_RATES);

    @Test
    void withoutCarryForwardALosingMonthIsForgotten() {
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("25"), false)));

        RevenueShareResult result = engine.revenueShare(s, OCTOBER,
                List.of(aTrade().closedAt(OCT_15).profit("-1000.00").build()), dec("400.00"));

        assertThat(result.outcome().lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("250.00"));
        assertThat(result.lossCarriedOut()).isEqualByComparingTo("0");
    }

    @Test
    void aPartlyCoveredCarriedLossCarriesItsRemainder() {
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("25"), true)));

        RevenueShareResult result = engine.revenueShare(s, OCTOBER,
                List.of(aTrade().closedAt(OCT_15).profit("-100.00").build()), dec("400.00"));

        assertThat(result.outcome().lines()).isEmpty();
        assertThat(result.lossCarriedOut()).isEqualByComparingTo("300.00");
    }

    @Test
    void convertsEachTradeAtTheRateOfItsCloseDate() {
        CommissionEngine withRates = new CommissionEngine(rates(LocalDate.of(2026, 10, 15), EUR, USD, "1.1000"));
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("50"), true)));

        RevenueShareResult result = withRates.revenueShare(s, OCTOBER, List.of(
                aTrade().closedAt(OCT_15).profit("-100.00").swap("-10.00").currency(EUR).build(),
                aTrade().closedAt(OCT_15).profit("-10.00").build()), BigDecimal.ZERO);

        assertThat(result.outcome().lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("65.50");
            assertThat(line.currency()).isEqualTo(USD);
            assertThat(line.eventId()).isEqualTo("S/2026-10/REVENUE_SHARE");
            assertThat(line.clientId()).isNull();
        });
    }

    @Test
    void waitsForAMissingRateAndCarriesTheLossInUnchanged() {
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("25"), true)));

        RevenueShareResult result = engine.revenueShare(s, OCTOBER,
                List.of(aTrade().closedAt(OCT_15).profit("-5.00").currency(EUR).build()), dec("12.00"));

        assertThat(result.outcome().missingFxRate()).contains(new MissingFxRate(LocalDate.of(2026, 10, 15), EUR, USD));
        assertThat(result.lossCarriedOut()).isEqualByComparingTo("12.00");
    }

    @Test
    void refusesATradeClosedInAnotherMonth() {
        PartnerOnPath s = partner("S", plan("REVSHARE", new Rule.RevenueShare(dec("25"), true)));
        ClosedTrade november = aTrade().closedAt(Instant.parse("2026-11-01T00:00:00Z")).profit("-1.00").build();

        assertThatThrownBy(() -> engine.revenueShare(s, OCTOBER, List.of(november), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not close in 2026-10");
    }
}
