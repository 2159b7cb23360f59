package com.ibportal.processing;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.commissions.PayoutWarning;
import com.ibportal.commissions.PlanJson;
import com.ibportal.commissions.WhatIfReport;
import com.ibportal.commissions.WhatIfService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What-if through the real pipeline: trades are fed as events into a month no other test uses, then a draft is run
 * over that month and compared with the ledger the pipeline wrote.
 */
@PortalIntegrationTest
class WhatIfTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    CanonicalEventApplier applier;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WhatIfService whatIf;

    PortalUser admin;
    PipelineHarness pipeline;
    /** A month no other test or earlier run touches: the what-if covers every trade of its range. */
    YearMonth month;
    LocalDate from;
    LocalDate to;

    // M (10.00, RATE_DIFFERENCE) above S (7.00); O alone on S's plan; X alone on another plan (3.00).
    String m;
    String s;
    String o;
    String x;
    String masterPlan;
    String subPlan;
    String otherPlan;

    @BeforeEach
    void setUp() throws Exception {
        admin = fixtures.staff(Role.ADMIN);
        pipeline = new PipelineHarness(applier, transactions, mvc, admin);
        month = YearMonth.of(3000 + ThreadLocalRandom.current().nextInt(5000), 4);
        from = month.atDay(1);
        to = month.atEndOfMonth();
        m = fixtures.unique("WM");
        s = fixtures.unique("WS");
        o = fixtures.unique("WO");
        x = fixtures.unique("WX");
        fixtures.partner(m, null);
        fixtures.partner(s, m);
        fixtures.partner(o, null);
        fixtures.partner(x, null);
        masterPlan = fixtures.unique("WPM");
        subPlan = fixtures.unique("WPS");
        otherPlan = fixtures.unique("WPX");
        pipeline.plan(masterPlan, plan("Master", "10.00", ",{\"kind\":\"OVERRIDE\",\"mode\":\"RATE_DIFFERENCE\"}"));
        pipeline.plan(subPlan, plan("Sub", "7.00", ""));
        pipeline.plan(otherPlan, plan("Other", "3.00", ""));
        pipeline.assignPlan(m, masterPlan);
        pipeline.assignPlan(s, subPlan);
        pipeline.assignPlan(o, subPlan);
        pipeline.assignPlan(x, otherPlan);
        trade(client(s), "EURUSD", "2.00", "12.00", "-6.00");
        trade(client(o), "EURUSD", "1.50", "9.00", "-4.50");
        trade(client(x), "GBPUSD", "1.00", "6.00", "-3.00");
    }

    private static String plan(String name, String fxRate, String moreRules) {
        return """
                {"name":"%s","payoutCurrency":"USD",
                 "symbolGroups":[{"name":"FX","symbols":["EURUSD","GBPUSD"]},{"name":"METALS","symbols":["XAU*"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"%s","METALS":"1.00"}}%s]}""".formatted(name, fxRate, moreRules);
    }

    private String client(String partner) {
        String client = fixtures.unique("WC");
        pipeline.registered(client + "-r", client, from.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), partner);
        return client;
    }

    private void trade(String client, String symbol, String lots, String spreadRevenue, String commission) {
        String closed = month.atDay(10) + "T12:00:00Z";
        pipeline.apply("""
                {"id":"%1$s-t","type":"trade.closed","occurredAt":"%2$s","clientId":"%1$s",
                 "data":{"dealId":"%1$s","accountLogin":"9","platform":"MT5","symbol":"%3$s","lots":"%4$s",
                         "openedAt":"%5$sT11:00:00Z","closedAt":"%2$s","profit":"-5.00","swap":"0",
                         "spreadRevenue":"%6$s","commission":"%7$s","currency":"USD"}}"""
                .formatted(client, closed, symbol, lots, month.atDay(10), spreadRevenue, commission));
    }

    private WhatIfReport simulate(String planCode, String draftJson, String partner) {
        return SystemActor.call(() -> whatIf.simulate(planCode, PlanJson.read(PipelineHarness.tree(draftJson)), partner, from, to));
    }

    private static WhatIfReport.PartnerResult row(WhatIfReport report, String partner) {
        return report.partners().stream().filter(r -> r.partnerCode().equals(partner)).findFirst().orElseThrow();
    }

    private long ledgerLines() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_line").query(Long.class).single();
    }

    private long planVersions() {
        return jdbc.sql("SELECT COUNT(*) FROM plan_version").query(Long.class).single();
    }

    @Test
    void aRaisedPerLotRatePaysLotsTimesTheDeltaToEveryHolderAndNothingIsWritten() {
        long linesBefore = ledgerLines();
        long versionsBefore = planVersions();

        WhatIfReport report = simulate(subPlan, plan("Sub raised", "8.00", ""), null);

        assertThat(ledgerLines()).isEqualTo(linesBefore);
        assertThat(planVersions()).isEqualTo(versionsBefore);
        assertThat(report.tradesSimulated()).isEqualTo(3);
        assertThat(report.tradesAffected()).isEqualTo(2);
        assertThat(report.draftVersion()).isEqualTo(2);
        // S: 2.00 lots × (8.00 − 7.00); O: 1.50 lots × 1.00.
        assertThat(row(report, s).draft()).isEqualByComparingTo("16.00");
        assertThat(row(report, s).difference()).isEqualByComparingTo("2.00");
        assertThat(row(report, o).difference()).isEqualByComparingTo("1.50");
        // M's RATE_DIFFERENCE shrinks by as much: the chain still pays M's 10.00 in total.
        assertThat(row(report, m).recomputedCurrent()).isEqualByComparingTo("6.00");
        assertThat(row(report, m).difference()).isEqualByComparingTo("-2.00");
        assertThat(row(report, x).draft()).isEqualByComparingTo("3.00");
        assertThat(row(report, x).difference()).isEqualByComparingTo("0");
        for (WhatIfReport.PartnerResult r : report.partners()) {
            assertThat(r.recomputedCurrent()).as("ledger of " + r.partnerCode()).isEqualByComparingTo(r.currentLedger());
            assertThat(r.trades()).isEqualTo(1);
            assertThat(r.currency()).isEqualTo("USD");
        }
        assertThat(report.partners()).hasSize(4);
        assertThat(report.partners().getFirst().difference().abs()).isEqualByComparingTo("2.00");
        assertThat(report.totals()).singleElement().satisfies(t -> {
            // S 14.00 + M 6.00 + O 10.50 + X 3.00.
            assertThat(t.currentLedger()).isEqualByComparingTo("33.50");
            assertThat(t.difference()).isEqualByComparingTo("1.50");
        });
        assertThat(report.notes()).anyMatch(n -> n.contains("CPA") && n.contains("REVENUE_SHARE"));
        assertThat(report.truncated()).isFalse();
    }

    @Test
    void aPartnerOnlyRunChangesThatPartnerWhateverPlanItHolds() {
        WhatIfReport onlyO = simulate(subPlan, plan("Sub raised", "8.00", ""), o);
        assertThat(onlyO.tradesAffected()).isEqualTo(1);
        assertThat(row(onlyO, o).difference()).isEqualByComparingTo("1.50");
        assertThat(row(onlyO, s).difference()).as("S holds the same plan but is not the one chosen").isEqualByComparingTo("0");
        assertThat(row(onlyO, m).difference()).isEqualByComparingTo("0");

        // X holds another plan; given S's draft it is paid 8.00 instead of its 3.00.
        WhatIfReport onlyX = simulate(subPlan, plan("Sub raised", "8.00", ""), x);
        assertThat(row(onlyX, x).recomputedCurrent()).isEqualByComparingTo("3.00");
        assertThat(row(onlyX, x).draft()).isEqualByComparingTo("8.00");
        assertThat(onlyX.partners()).filteredOn(r -> !r.partnerCode().equals(x))
                .allSatisfy(r -> assertThat(r.difference()).isEqualByComparingTo("0"));
    }

    @Test
    void theListIsCutToTheBiggestDifferencesAndSaysSo() {
        WhatIfReport report = SystemActor.call(() -> whatIf.simulate(subPlan,
                PlanJson.read(PipelineHarness.tree(plan("Sub raised", "8.00", ""))), null, from, to));
        assertThat(report.partnerRows()).isEqualTo(4);
        WhatIfReport cut = com.ibportal.commissions.WhatIfAccess.simulate(whatIf, subPlan, PlanJson.read(PipelineHarness.tree(plan("Sub", "8.00", ""))),
                from, to, 2);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.partnerRows()).isEqualTo(4);
        assertThat(cut.partners()).extracting(WhatIfReport.PartnerResult::partnerCode).containsExactlyInAnyOrder(s, m);
        assertThat(cut.totals().getFirst().difference()).as("totals cover every row").isEqualByComparingTo("1.50");
        assertThat(cut.notes()).anyMatch(n -> n.contains("Only the 2 partner rows"));
    }

    @Test
    void theRestEndpointAnswersTheReportAndNamesBadFields() throws Exception {
        String body = """
                {"draft":%s,"from":"%s","to":"%s"}""".formatted(plan("Sub raised", "8.00", ""), from, to);
        mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), body).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tradesSimulated").value(3))
                .andExpect(jsonPath("$.totals[0].difference").value("1.5000"))
                .andExpect(jsonPath("$.partners[0].difference").isString());

        mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), """
                        {"draft":%s,"from":"%s","to":"%s"}""".formatted(plan("Bad", "-1", ""), from, to)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("draft.rules[0].rates.FX"));
        mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), """
                        {"draft":%s,"from":"%s","to":"%s"}""".formatted(plan("Sub", "8.00", ""), to, from)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), """
                        {"draft":{"name":"No currency","rules":[]},"to":"%s"}""".formatted(to)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'draft.payoutCurrency')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'from')]").exists());
        mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), """
                        {"draft":%s,"partnerCode":"NOPE-%s","from":"%s","to":"%s"}"""
                        .formatted(plan("Sub", "8.00", ""), fixtures.unique("X"), from, to)).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerCode"));
        mvc.perform(json(post("/api/v1/plans/" + fixtures.unique("NOPLAN") + "/what-if"), body).with(as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/plans/check-payout"), """
                        {"plan":{"name":"x","payoutCurrency":"usd","rules":[]},"from":"%s","to":"%s"}""".formatted(from, to))
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plan.payoutCurrency"));
    }

    @Test
    void financeAndIbsAreRefused() throws Exception {
        String body = """
                {"draft":%s,"from":"%s","to":"%s"}""".formatted(plan("Sub raised", "8.00", ""), from, to);
        String check = """
                {"plan":%s,"from":"%s","to":"%s"}""".formatted(plan("Sub raised", "8.00", ""), from, to);
        for (PortalUser user : List.of(fixtures.staff(Role.FINANCE), fixtures.ibWithLogin(fixtures.unique("WIB"), null))) {
            mvc.perform(json(post("/api/v1/plans/" + subPlan + "/what-if"), body).with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(json(post("/api/v1/plans/check-payout"), check).with(as(user)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aRateAboveTheRevenuePerLotIsWarnedAndOneBelowIsNot() throws Exception {
        // FX revenue of the month: spread 12 + 9 + 6 = 27.00 and commission 6 + 4.5 + 3 = 13.50 over 4.50 lots = 9.00/lot.
        List<PayoutWarning> above = SystemActor.call(() -> whatIf.payoutAboveRevenue(
                PlanJson.read(PipelineHarness.tree(plan("Rich", "9.50", ""))), from, to));
        assertThat(above).extracting(PayoutWarning::symbolGroup, PayoutWarning::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FX", PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE),
                org.assertj.core.groups.Tuple.tuple("METALS", PayoutWarning.Kind.NO_REVENUE_DATA));
        PayoutWarning fx = above.getFirst();
        assertThat(fx.payoutPerLot()).isEqualByComparingTo("9.50");
        assertThat(fx.revenuePerLot()).isEqualByComparingTo("9.00");
        assertThat(fx.lotsObserved()).isEqualByComparingTo("4.50");
        assertThat(fx.message()).contains("9.5000 USD per lot").contains("9.0000 USD per lot");
        assertThat(above.get(1).message()).contains("no revenue data");

        List<PayoutWarning> below = SystemActor.call(() -> whatIf.payoutAboveRevenue(
                PlanJson.read(PipelineHarness.tree(plan("Fair", "9.00", ""))), from, to));
        assertThat(below).extracting(PayoutWarning::symbolGroup).containsExactly("METALS");

        // Overrides count along a full upline: 8.00 + PER_LOT_PER_LEVEL 0.60 + 0.50 = 9.10 > 9.00.
        List<PayoutWarning> withOverride = SystemActor.call(() -> whatIf.payoutAboveRevenue(PlanJson.read(PipelineHarness.tree(
                plan("Levels", "8.00", ",{\"kind\":\"OVERRIDE\",\"mode\":\"PER_LOT_PER_LEVEL\",\"rates\":[\"0.60\",\"0.50\"]}"))),
                from, to));
        assertThat(withOverride.getFirst().payoutPerLot()).isEqualByComparingTo("9.10");
        assertThat(withOverride.getFirst().kind()).isEqualTo(PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE);

        // The what-if report carries the draft's warnings, and the REST check answers the same list.
        assertThat(simulate(subPlan, plan("Rich", "9.50", ""), null).warnings()).extracting(PayoutWarning::kind)
                .containsExactly(PayoutWarning.Kind.PAYOUT_ABOVE_REVENUE, PayoutWarning.Kind.NO_REVENUE_DATA);
        mvc.perform(json(post("/api/v1/plans/check-payout"), """
                        {"plan":%s,"from":"%s","to":"%s"}""".formatted(plan("Rich", "9.50", ""), from, to)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].symbolGroup").value("FX"))
                .andExpect(jsonPath("$[0].revenuePerLot").value("9.0000"))
                .andExpect(jsonPath("$[1].kind").value("NO_REVENUE_DATA"));
    }
}
