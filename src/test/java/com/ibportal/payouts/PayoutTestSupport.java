package com.ibportal.payouts;

import static com.ibportal.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.processing.PipelineHarness;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.PortalUser;
import com.ibportal.security.SystemActor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Ledger lines through the real pipeline, and periods in months no one else uses: from year 9000 on, after the
 * latest period any run closed (periods close in order, and the test database is shared and kept between runs).
 */
public final class PayoutTestSupport {

    public static final YearMonth FIRST_TEST_MONTH = YearMonth.of(9000, 1);

    private final Fixtures fixtures;
    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final PipelineHarness pipeline;
    private final PortalUser finance;

    public PayoutTestSupport(Fixtures fixtures, MockMvc mvc, JdbcClient jdbc, PipelineHarness pipeline, PortalUser finance) {
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.finance = finance;
    }

    /** The month after the latest closed period (9000-01 at the earliest): nothing before it is open with lines. */
    public YearMonth nextFreeMonth() {
        LocalDateTime latest = jdbc.sql("SELECT MAX(period_start) FROM payout_period WHERE kind = 'MONTHLY' AND status = 'CLOSED'")
                .query(LocalDateTime.class).optional().orElse(null);
        if (latest == null) {
            return FIRST_TEST_MONTH;
        }
        YearMonth next = YearMonth.from(latest).plusMonths(1);
        return next.isBefore(FIRST_TEST_MONTH) ? FIRST_TEST_MONTH : next;
    }

    /** A partner (with its IB login) on a PER_LOT plan paying {@code rate} USD per lot of EURUSD. */
    public PortalUser partner(String rate) throws Exception {
        PortalUser ib = fixtures.ibWithLogin(fixtures.unique("PAY"), null);
        String plan = fixtures.unique("PLAN-PAY");
        pipeline.plan(plan, """
                {"name":"Payout test","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EURUSD"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"%s"}}]}""".formatted(rate));
        pipeline.assignPlan(ib.partnerCode(), plan);
        return ib;
    }

    /** A client of the partner, registered and KYC-approved at the start of {@code month}: its lines are PAYABLE. */
    public String approvedClient(String partnerCode, YearMonth month) {
        String client = fixtures.unique("C");
        Instant at = start(month);
        pipeline.registered(client + "-r", client, at, partnerCode);
        pipeline.kyc(client + "-k", client, at.plusSeconds(60), "APPROVED");
        return client;
    }

    public void trade(String client, YearMonth month, int day, String lots) {
        Instant closed = month.atDay(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        pipeline.trade(fixtures.unique(client + "-t"), client, "EURUSD", lots, closed.minusSeconds(600), closed, "USD");
    }

    public void kyc(String client, YearMonth month, int day, String status) {
        pipeline.kyc(fixtures.unique(client + "-k"), client, month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC), status);
    }

    public String close(YearMonth month) throws Exception {
        return mvc.perform(post("/api/v1/periods/" + month + "/close").with(as(finance)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The partner's statement of the month (there is at most one per currency; these tests use USD only). */
    public JsonNode statement(String partnerCode, YearMonth month) throws Exception {
        JsonNode list = PipelineHarness.tree(mvc.perform(get("/api/v1/statements?period=" + month + "&partnerCode=" + partnerCode)
                .with(as(finance))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        if (list.size() != 1) {
            throw new AssertionError("expected one statement of " + partnerCode + " in " + month + ", got " + list);
        }
        return details(list.get(0).get("id").asLong());
    }

    public boolean hasStatement(String partnerCode, YearMonth month) throws Exception {
        return PipelineHarness.tree(mvc.perform(get("/api/v1/statements?period=" + month + "&partnerCode=" + partnerCode)
                .with(as(finance))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).size() > 0;
    }

    public JsonNode details(long id) throws Exception {
        return PipelineHarness.tree(mvc.perform(get("/api/v1/statements/" + id).with(as(finance)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Sets the program's minimum payout, returning the settings as they were. */
    public static Program minimumPayout(ProgramService program, String minimum) {
        return SystemActor.call(() -> {
            Program before = program.program();
            program.change(new Program(before.brokerName(), before.registrationUrl(), before.payoutCurrency(),
                    new BigDecimal(minimum), before.maskClientPii(), before.defaultPlanCode()));
            return before;
        });
    }

    public static void restore(ProgramService program, Program before) {
        SystemActor.run(() -> program.change(before));
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
