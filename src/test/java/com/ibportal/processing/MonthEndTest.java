package com.ibportal.processing;

import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Month-end rules through the real pipeline: revenue share with carried losses, and the retroactive tier true-up. */
@PortalIntegrationTest
class MonthEndTest {

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

    PortalUser finance;
    PipelineHarness pipeline;
    /** Months no other test or earlier run touches: month-end covers every partner, and the test database is shared. */
    YearMonth october;

    @BeforeEach
    void setUp() {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        finance = fixtures.staff(Role.FINANCE);
        pipeline = new PipelineHarness(applier, transactions, mvc, admin);
        october = YearMonth.of(3000 + ThreadLocalRandom.current().nextInt(5000), 10);
    }

    private void trade(String client, String id, YearMonth month, int day, String lots, String profit, String swap) {
        String closed = month.atDay(day) + "T12:00:00Z";
        pipeline.apply("""
                {"id":"%1$s","type":"trade.closed","occurredAt":"%2$s","clientId":"%3$s",
                 "data":{"dealId":"%1$s","accountLogin":"9","platform":"MT5","symbol":"EURUSD","lots":"%4$s",
                         "openedAt":"%5$sT11:00:00Z","closedAt":"%2$s","profit":"%6$s","swap":"%7$s","currency":"USD"}}"""
                .formatted(id, closed, client, lots, month.atDay(day), profit, swap));
    }

    private String run(YearMonth month) throws Exception {
        return mvc.perform(post("/api/v1/commissions/month-end/" + month).with(as(finance)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> monthEndLines(String partner) {
        return jdbc.sql("SELECT CONCAT(rule, ' ', amount, ' ', event_id) FROM ledger_line WHERE partner_code = :p AND client_id IS NULL ORDER BY id")
                .param("p", partner).query(String.class).list();
    }

    @Test
    void workedExample6CarriesANovemberLossIntoDecember() throws Exception {
        String partner = fixtures.unique("RS");
        fixtures.partner(partner, null);
        String plan = fixtures.unique("PLAN-RS");
        pipeline.plan(plan, """
                {"name":"RevShare","payoutCurrency":"USD","rules":[{"kind":"REVENUE_SHARE","percent":"25","carryForwardLosses":true}]}""");
        pipeline.assignPlan(partner, plan);
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, october.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), partner);
        YearMonth november = october.plusMonths(1);
        YearMonth december = october.plusMonths(2);
        trade(client, client + "-o1", october, 5, "1", "-900.00", "-50.00");
        trade(client, client + "-o2", october, 20, "1", "-45.00", "-5.00");
        trade(client, client + "-n1", november, 3, "1", "400.00", "0");
        trade(client, client + "-d1", december, 9, "1", "-1000.00", "0");

        assertThat(run(october)).contains("\"partnerCode\":\"" + partner + "\",\"rule\":\"REVENUE_SHARE\",\"outcome\":\"WRITTEN\",\"amount\":\"250.0000\"");
        assertThat(run(november)).contains("\"partnerCode\":\"" + partner + "\",\"rule\":\"REVENUE_SHARE\",\"outcome\":\"NOTHING_OWED\",\"amount\":\"0.0000\",\"currency\":\"USD\",\"lossCarriedOut\":\"400.0000\"");
        run(december);

        assertThat(monthEndLines(partner)).containsExactly(
                "REVENUE_SHARE 250.0000 " + partner + "/" + october + "/REVENUE_SHARE",
                "REVENUE_SHARE 150.0000 " + partner + "/" + december + "/REVENUE_SHARE");
        // Running a month again changes nothing.
        assertThat(run(october)).contains("\"partnerCode\":\"" + partner + "\",\"rule\":\"REVENUE_SHARE\",\"outcome\":\"ALREADY_DONE\"");
        assertThat(monthEndLines(partner)).hasSize(2);
    }

    @Test
    void retroactiveTiersPayEveryLotOfTheMonthAtTheFinalTier() throws Exception {
        String partner = fixtures.unique("RT");
        fixtures.partner(partner, null);
        String plan = fixtures.unique("PLAN-RT");
        pipeline.plan(plan, """
                {"name":"Retro","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EURUSD"]}],
                 "rules":[{"kind":"TIERED_PER_LOT","mode":"RETROACTIVE",
                           "tiers":[{"fromLots":"0","rate":"5.00"},{"fromLots":"2","rate":"7.00"}]}]}""");
        pipeline.assignPlan(partner, plan);
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, october.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), partner);
        trade(client, client + "-1", october, 2, "1.50", "0", "0");
        trade(client, client + "-2", october, 3, "1.00", "0", "0");

        run(october);

        // Accrued 1.50 × 5.00 + 1.00 × 7.00 = 14.50; due 2.50 × 7.00 = 17.50; true-up 3.00.
        assertThat(monthEndLines(partner)).containsExactly("TIERED_PER_LOT 3.0000 " + partner + "/" + october + "/TIERED_PER_LOT");
        mvc.perform(post("/api/v1/commissions/month-end/2026-13").with(as(finance))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(post("/api/v1/commissions/month-end/" + october).with(as(fixtures.ibWithLogin(fixtures.unique("IB"), null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void revenueShareLeavesOutASelfReferredClientMatchedByItsEmailHash() throws Exception {
        String partner = fixtures.unique("SR");
        fixtures.partner(partner, null);
        String plan = fixtures.unique("PLAN-SR");
        pipeline.plan(plan, """
                {"name":"RevShare","payoutCurrency":"USD","rules":[{"kind":"REVENUE_SHARE","percent":"25","carryForwardLosses":true}]}""");
        pipeline.assignPlan(partner, plan);
        java.time.Instant start = october.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        String self = fixtures.unique("SELF");
        // The partner's own address, in other case: the stored email is encrypted, the hash of the normalised one matches.
        pipeline.apply("""
                {"id":"%s-r","type":"client.registered","occurredAt":"%s","clientId":"%s",
                 "data":{"referralCode":"%s","email":"%s@IB.TEST","country":"DE"}}
                """.formatted(self, start, self, partner, partner));
        String other = fixtures.unique("C");
        pipeline.registered(other + "-r", other, start, partner);
        trade(self, self + "-1", october, 5, "1", "-400.00", "0");
        trade(other, other + "-1", october, 6, "1", "-100.00", "0");

        assertThat(run(october)).contains("\"partnerCode\":\"" + partner + "\",\"rule\":\"REVENUE_SHARE\",\"outcome\":\"WRITTEN\",\"amount\":\"25.0000\"");
    }
}
