package com.ibportal.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.EventOutcome;
import com.ibportal.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same events delivered in any order — registrations after deposits, KYC after trades, trades
 * out of time order — leave every partner with the same totals by rule as in-order delivery,
 * on a hybrid plan with CPA, progressive tiers and two override modes over three levels.
 */
@PortalIntegrationTest
class OrderIndependenceTest {

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

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

    private PipelineHarness pipeline;

    /** A fresh G > M > S tree on the hybrid plans; returns the codes by role. */
    private Map<String, String> tree() throws Exception {
        pipeline = new PipelineHarness(applier, transactions, mvc, fixtures.staff(Role.ADMIN));
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("G", fixtures.unique("G"));
        codes.put("M", fixtures.unique("M"));
        codes.put("S", fixtures.unique("S"));
        fixtures.partner(codes.get("G"), null);
        fixtures.partner(codes.get("M"), codes.get("G"));
        fixtures.partner(codes.get("S"), codes.get("M"));
        String groups = "\"symbolGroups\":[{\"name\":\"FX\",\"symbols\":[\"EURUSD\",\"GBPUSD\"]}]";
        String overrides = "{\"kind\":\"OVERRIDE\",\"mode\":\"RATE_DIFFERENCE\"},"
                + "{\"kind\":\"OVERRIDE\",\"mode\":\"PERCENT_OF_DOWNLINE\",\"percents\":[\"10\",\"5\"]}";
        plan(codes.get("G"), "{\"name\":\"G\",\"payoutCurrency\":\"USD\"," + groups
                + ",\"rules\":[{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"10.00\"}}," + overrides + "]}");
        plan(codes.get("M"), "{\"name\":\"M\",\"payoutCurrency\":\"USD\"," + groups
                + ",\"rules\":[{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"8.00\"}}," + overrides + "]}");
        plan(codes.get("S"), "{\"name\":\"S\",\"payoutCurrency\":\"USD\"," + groups + ",\"rules\":["
                + "{\"kind\":\"CPA\",\"amount\":\"100.00\",\"minDeposit\":\"100\",\"minLots\":\"1.0\",\"windowDays\":30},"
                + "{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"5.00\"}},"
                + "{\"kind\":\"TIERED_PER_LOT\",\"mode\":\"PROGRESSIVE\",\"tiers\":[{\"fromLots\":\"0\",\"rate\":\"2.00\"},"
                + "{\"fromLots\":\"3\",\"rate\":\"3.00\"}]}]}");
        return codes;
    }

    private void plan(String partner, String json) throws Exception {
        String code = fixtures.unique("PLAN");
        pipeline.plan(code, json);
        pipeline.assignPlan(partner, code);
    }

    /** Two clients' lives in time order: registration, KYC, first deposit, trades of 0.25 to 1.50 lots. */
    private List<Function<PipelineHarness, EventOutcome>> lives(Map<String, String> codes) {
        List<Function<PipelineHarness, EventOutcome>> events = new ArrayList<>();
        Random random = new Random(42);
        for (int c = 0; c < 2; c++) {
            String client = fixtures.unique("C");
            Instant registered = START.plus(c, ChronoUnit.HOURS);
            events.add(p -> p.registered(client + "-r", client, registered, codes.get("S")));
            events.add(p -> p.kyc(client + "-k", client, registered.plus(1, ChronoUnit.DAYS), "APPROVED"));
            events.add(p -> p.deposit(client + "-d", client, registered.plus(2, ChronoUnit.DAYS), "T1", "250.00", "USD"));
            for (int t = 0; t < 5; t++) {
                Instant closed = registered.plus(3 + t, ChronoUnit.DAYS).plusSeconds(random.nextInt(3600));
                String lots = new BigDecimal(1 + random.nextInt(6)).multiply(new BigDecimal("0.25")).toPlainString();
                String id = client + "-t" + t;
                events.add(p -> p.trade(id, client, "EURUSD", lots, closed.minusSeconds(600), closed, "USD"));
            }
        }
        return events;
    }

    /** Delivers the events like the inbox: a parked event is tried again after every event that gets processed. */
    private void deliver(List<Function<PipelineHarness, EventOutcome>> events) {
        List<Function<PipelineHarness, EventOutcome>> parked = new ArrayList<>();
        for (Function<PipelineHarness, EventOutcome> event : events) {
            if (event.apply(pipeline).status() == EventOutcome.Status.PARKED) {
                parked.add(event);
                continue;
            }
            boolean progress = true;
            while (progress && !parked.isEmpty()) {
                progress = parked.removeIf(waiting -> waiting.apply(pipeline).status() == EventOutcome.Status.PROCESSED);
            }
        }
        assertThat(parked).as("every event is applied in the end").isEmpty();
    }

    private Map<String, BigDecimal> totals(Map<String, String> codes) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        codes.forEach((role, code) -> jdbc.sql("""
                        SELECT rule, SUM(amount) AS total FROM ledger_line WHERE partner_code = :p GROUP BY rule ORDER BY rule
                        """).param("p", code)
                .query(rs -> {
                    totals.put(role + " " + rs.getString("rule"), rs.getBigDecimal("total"));
                }));
        return totals;
    }

    @ParameterizedTest(name = "shuffle seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void anyDeliveryOrderGivesTheTotalsOfInOrderDelivery(long seed) throws Exception {
        Map<String, String> inOrder = tree();
        deliver(lives(inOrder));
        Map<String, BigDecimal> expected = totals(inOrder);
        assertThat(expected).containsKeys("S CPA", "S PER_LOT", "S TIERED_PER_LOT", "M OVERRIDE", "G OVERRIDE");

        Map<String, String> shuffled = tree();
        List<Function<PipelineHarness, EventOutcome>> events = lives(shuffled);
        Collections.shuffle(events, new Random(seed));
        deliver(events);

        assertThat(totals(shuffled)).isEqualTo(expected);
    }
}
