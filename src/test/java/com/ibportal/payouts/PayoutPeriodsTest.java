package com.ibportal.payouts;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.processing.PipelineHarness;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Closing periods through the REST API, with ledger lines written by the real pipeline. */
@PortalIntegrationTest
class PayoutPeriodsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgramService program;

    PortalUser finance;
    PayoutTestSupport payouts;
    Program before;
    YearMonth m1;

    @BeforeEach
    void setUp() {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        finance = fixtures.staff(Role.FINANCE);
        payouts = new PayoutTestSupport(fixtures, mvc, jdbc, PipelineHarness.create(context, mvc, admin), finance);
        before = PayoutTestSupport.minimumPayout(program, "50.00");
        m1 = payouts.nextFreeMonth();
    }

    @AfterEach
    void restore() {
        PayoutTestSupport.restore(program, before);
    }

    @Test
    void aTotalUnderTheMinimumIsCarriedAndOpensTheNextStatement() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "2.00");
        YearMonth m2 = m1.plusMonths(1);
        payouts.trade(client, m2, 7, "4.00");

        payouts.close(m1);
        JsonNode first = payouts.statement(ib.partnerCode(), m1);
        assertThat(first.get("status").asString()).isEqualTo("CARRIED");
        assertThat(first.get("openingBalance").asString()).isEqualTo("0.00");
        assertThat(first.get("total").asString()).isEqualTo("20.00");

        payouts.close(m2);
        JsonNode second = payouts.statement(ib.partnerCode(), m2);
        assertThat(second.get("status").asString()).isEqualTo("DRAFT");
        assertThat(second.get("openingBalance").asString()).isEqualTo("20.00");
        assertThat(second.get("total").asString()).isEqualTo("60.00");
        assertThat(second.get("carriedFromId").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(second.get("lines")).hasSize(1);
    }

    @Test
    void aClawbackOfALinePaidLastPeriodIsInThisPeriodsStatementAndItsNegativeTotalIsCarried() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "10.00");
        payouts.close(m1);
        JsonNode paid = payouts.statement(ib.partnerCode(), m1);
        long paidId = paid.get("id").asLong();
        mvc.perform(post("/api/v1/statements/" + paidId + "/approve").with(as(finance))).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/statements/" + paidId + "/paid"), """
                {"reference":"BANK-1","paidOn":"2026-01-05"}""").with(as(finance))).andExpect(status().isOk());

        YearMonth m2 = m1.plusMonths(1);
        payouts.kyc(client, m2, 3, "DUPLICATE");
        payouts.close(m2);

        JsonNode clawed = payouts.statement(ib.partnerCode(), m2);
        assertThat(clawed.get("status").asString()).isEqualTo("CARRIED");
        assertThat(clawed.get("total").asString()).isEqualTo("-100.00");
        assertThat(clawed.get("lines")).hasSize(1);
        JsonNode line = clawed.get("lines").get(0);
        assertThat(line.get("amount").asString()).isEqualTo("-100.0000");
        assertThat(line.get("clawback").asBoolean()).isTrue();
        assertThat(line.get("explanation").asString()).startsWith("clawback of paid line #" + paid.get("lines").get(0).get("id").asLong());
        assertThat(clawed.get("sections")).hasSize(1);
        assertThat(clawed.get("sections").get(0).get("clawbacks").asBoolean()).isTrue();
        // The paid statement is as it was.
        assertThat(payouts.details(paidId).get("status").asString()).isEqualTo("PAID");
        assertThat(payouts.details(paidId).get("lines")).hasSize(1);

        // The negative balance opens the next statement and nets against new commission.
        YearMonth m3 = m2.plusMonths(1);
        String second = payouts.approvedClient(ib.partnerCode(), m3);
        payouts.trade(second, m3, 9, "17.00");
        payouts.close(m3);
        JsonNode netted = payouts.statement(ib.partnerCode(), m3);
        assertThat(netted.get("openingBalance").asString()).isEqualTo("-100.00");
        assertThat(netted.get("total").asString()).isEqualTo("70.00");
        assertThat(netted.get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aLateEventDatedInAClosedPeriodLandsInTheNextOpenOne() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "6.00");
        payouts.close(m1);
        String closedBefore = payouts.statement(ib.partnerCode(), m1).toString();

        payouts.trade(client, m1, 20, "7.00");
        YearMonth m2 = m1.plusMonths(1);
        payouts.close(m2);

        assertThat(payouts.statement(ib.partnerCode(), m1).toString()).isEqualTo(closedBefore);
        JsonNode open = payouts.statement(ib.partnerCode(), m2);
        assertThat(open.get("total").asString()).isEqualTo("70.00");
        assertThat(open.get("lines").get(0).get("occurredAt").asString()).startsWith(m1.toString());
    }

    @Test
    void closingTwiceGivesTheSameResultAndPeriodsCloseInOrder() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "6.00");
        YearMonth m2 = m1.plusMonths(1);
        YearMonth m3 = m1.plusMonths(2);
        payouts.trade(client, m2, 5, "6.00");
        payouts.trade(client, m3, 5, "6.00");
        payouts.close(m1);

        mvc.perform(post("/api/v1/periods/" + m3 + "/close").with(as(finance)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("close " + m2 + " first")));
        mvc.perform(post("/api/v1/periods/8999-06/close").with(as(finance))).andExpect(status().isConflict());

        String once = payouts.close(m2);
        String twice = payouts.close(m2);
        assertThat(twice).isEqualTo(once);
        assertThat(PipelineHarness.tree(once).get("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PERIOD_CLOSED' AND target = :m")
                .param("m", m2.toString()).query(Long.class).single()).isEqualTo(1L);
        payouts.close(m3);
        mvc.perform(get("/api/v1/periods").with(as(finance))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.period == '" + m3 + "')].status").value("CLOSED"));
        mvc.perform(post("/api/v1/periods/" + m3 + "/close").with(as(fixtures.ibWithLogin(fixtures.unique("IB"), null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void twoConcurrentClosesProduceOneResult() throws Exception {
        PortalUser ib = payouts.partner("10.00");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "6.00");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return payouts.close(m1);
                }));
            }
            go.countDown();
            assertThat(results.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(results.get(1).get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM payout_statement s JOIN payout_period p ON p.id = s.period_id
                        WHERE s.partner_code = :partner AND p.period_start = :start""")
                .param("partner", ib.partnerCode()).param("start", m1.atDay(1).atStartOfDay()).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PERIOD_CLOSED' AND target = :m")
                .param("m", m1.toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theTotalIsTheSumOfTheLinesRoundedHalfEvenToTwoDecimals() throws Exception {
        PortalUser ib = payouts.partner("10.025");
        String client = payouts.approvedClient(ib.partnerCode(), m1);
        payouts.trade(client, m1, 5, "2.50");
        payouts.trade(client, m1, 6, "2.50");
        payouts.close(m1);

        JsonNode statement = payouts.statement(ib.partnerCode(), m1);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : statement.get("lines")) {
            sum = sum.add(new BigDecimal(line.get("amount").asString()));
        }
        assertThat(sum).isEqualByComparingTo("50.1250");
        assertThat(statement.get("total").asString()).isEqualTo(sum.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                .isEqualTo("50.12");
        assertThat(statement.get("sections").get(0).get("title").asString()).isEqualTo("Per lot (direct)");
        assertThat(statement.get("sections").get(0).get("amount").asString()).isEqualTo("50.1250");
    }
}
