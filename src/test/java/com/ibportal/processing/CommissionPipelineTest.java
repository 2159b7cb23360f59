package com.ibportal.processing;

import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.EventOutcome;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Events in, ledger lines out: the commission rules' worked examples through the real pipeline and MariaDB. */
@PortalIntegrationTest
class CommissionPipelineTest {

    private static final Instant DAY_1 = Instant.parse("2026-10-01T09:00:00Z");

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

    PortalUser admin;
    PipelineHarness pipeline;

    @BeforeEach
    void setUp() {
        admin = fixtures.staff(Role.ADMIN);
        pipeline = new PipelineHarness(applier, transactions, mvc, admin);
    }

    /** M (10.00/lot, RATE_DIFFERENCE) above S (7.00/lot); returns {M, S}. */
    private String[] rateDifferenceTree() throws Exception {
        String m = fixtures.unique("M");
        String s = fixtures.unique("S");
        fixtures.partner(m, null);
        fixtures.partner(s, m);
        String masterPlan = fixtures.unique("PLAN-M");
        pipeline.plan(masterPlan, """
                {"name":"Master","payoutCurrency":"USD",
                 "symbolGroups":[{"name":"FX_MAJORS","symbols":["EURUSD","GBPUSD","USDJPY"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX_MAJORS":"10.00"}},{"kind":"OVERRIDE","mode":"RATE_DIFFERENCE"}]}""");
        String subPlan = fixtures.unique("PLAN-S");
        pipeline.plan(subPlan, """
                {"name":"Sub","payoutCurrency":"USD",
                 "symbolGroups":[{"name":"FX_MAJORS","symbols":["EURUSD","GBPUSD","USDJPY"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX_MAJORS":"7.00"}}]}""");
        pipeline.assignPlan(m, masterPlan);
        pipeline.assignPlan(s, subPlan);
        return new String[]{m, s};
    }

    private List<String> lines(String partnerCode) throws Exception {
        JsonNode ledger = PipelineHarness.tree(pipeline.ledger(partnerCode, admin));
        List<String> lines = new ArrayList<>();
        for (JsonNode line : ledger.get("lines")) {
            lines.add(line.get("level").asInt() + " " + line.get("rule").asString() + " " + line.get("amount").asString()
                    + " " + line.get("status").asString());
        }
        return lines;
    }

    @Test
    void workedExample1PaysTheSubIbItsRateAndTheMasterTheDifference() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        pipeline.kyc(client + "-k", client, DAY_1.plusSeconds(60), "APPROVED");

        EventOutcome outcome = pipeline.trade(client + "-t1", client, "EURUSD", "2.50", DAY_1.plusSeconds(3600),
                DAY_1.plusSeconds(7200), "USD");

        assertThat(outcome.status()).isEqualTo(EventOutcome.Status.PROCESSED);
        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 17.5000 PAYABLE");
        assertThat(lines(tree[0])).containsExactly("1 OVERRIDE 7.5000 PAYABLE");
        JsonNode line = PipelineHarness.tree(pipeline.ledger(tree[0], admin)).get("lines").get(0);
        assertThat(line.get("explanation").asString()).contains("2.5").contains("10.00").contains("7.00");
        assertThat(line.get("sourcePartnerCode").asString()).isEqualTo(tree[1]);
        assertThat(line.get("eventId").asString()).isEqualTo(client + "-t1");
    }

    @Test
    void workedExample4ReversesEveryLevelWhenTheClientTurnsDuplicate() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        pipeline.trade(client + "-t1", client, "EURUSD", "2.50", DAY_1.plusSeconds(3600), DAY_1.plusSeconds(7200), "USD");
        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 17.5000 PENDING");

        pipeline.kyc(client + "-k", client, DAY_1.plus(3, ChronoUnit.DAYS), "DUPLICATE");

        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 17.5000 PENDING", "0 PER_LOT -17.5000 PENDING");
        assertThat(lines(tree[0])).containsExactly("1 OVERRIDE 7.5000 PENDING", "1 OVERRIDE -7.5000 PENDING");
        mvc.perform(get("/api/v1/partners/" + tree[0] + "/summary?from=2026-10-01&to=2026-10-31").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commission.total").value("0.0000"))
                .andExpect(jsonPath("$.commission.byLevel.1").value("0.0000"));
        // A later trade of an ineligible client pays nobody, and says why.
        pipeline.trade(client + "-t2", client, "EURUSD", "1.00", DAY_1.plus(4, ChronoUnit.DAYS),
                DAY_1.plus(4, ChronoUnit.DAYS).plusSeconds(600), "USD");
        assertThat(lines(tree[1])).hasSize(2);
        assertThat(pipeline.ledger(tree[1], admin)).contains("client is not eligible: KYC DUPLICATE");
    }

    @Test
    void workedExample3PaysCpaOnceWhenTheLastConditionIsMetWhateverTheOrderOfEvents() throws Exception {
        String partner = fixtures.unique("CPA");
        fixtures.partner(partner, null);
        String plan = fixtures.unique("PLAN-CPA");
        pipeline.plan(plan, """
                {"name":"CPA","payoutCurrency":"USD","symbolGroups":[{"name":"ALL","symbols":["*"]}],
                 "rules":[{"kind":"CPA","amount":"200.00","minDeposit":"100","minLots":"1.0","windowDays":30}]}""");
        pipeline.assignPlan(partner, plan);
        Instant day10close = DAY_1.plus(9, ChronoUnit.DAYS).plusSeconds(600);
        for (boolean reversed : new boolean[]{false, true}) {
            String client = fixtures.unique("C");
            List<Runnable> events = new ArrayList<>(List.of(
                    () -> pipeline.deposit(client + "-d", client, DAY_1, "T1", "150.00", "USD"),
                    () -> pipeline.kyc(client + "-k", client, DAY_1.plus(1, ChronoUnit.DAYS), "APPROVED"),
                    () -> pipeline.trade(client + "-t5", client, "EURUSD", "0.60", DAY_1.plus(4, ChronoUnit.DAYS),
                            DAY_1.plus(4, ChronoUnit.DAYS).plusSeconds(600), "USD"),
                    () -> pipeline.trade(client + "-t10", client, "EURUSD", "0.50", DAY_1.plus(9, ChronoUnit.DAYS),
                            day10close, "USD")));
            pipeline.registered(client + "-r", client, DAY_1.minusSeconds(60), partner);
            if (reversed) {
                java.util.Collections.reverse(events);
            }
            events.forEach(Runnable::run);

            List<String> cpaLines = jdbc.sql("SELECT CONCAT(amount, ' ', occurred_at, ' ', event_id) FROM ledger_line "
                    + "WHERE client_id = :c AND rule = 'CPA'").param("c", client).query(String.class).list();
            assertThat(cpaLines).as("order reversed: %s", reversed)
                    .containsExactly("200.0000 " + day10close.toString().replace("T", " ").replace("Z", ".000000") + " " + client + "-t10");
        }
    }

    @Test
    void anEventBeforeItsClientWaitsAndAppliesOnceTheRegistrationArrives() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");

        EventOutcome early = pipeline.trade(client + "-t1", client, "EURUSD", "1.00", DAY_1.plusSeconds(60),
                DAY_1.plusSeconds(120), "USD");
        assertThat(early.status()).isEqualTo(EventOutcome.Status.PARKED);
        assertThat(early.waitKey()).isEqualTo("client:" + client);

        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        assertThat(pipeline.trade(client + "-t1", client, "EURUSD", "1.00", DAY_1.plusSeconds(60),
                DAY_1.plusSeconds(120), "USD").status()).isEqualTo(EventOutcome.Status.PROCESSED);
        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 7.0000 PENDING");
    }

    @Test
    void theSameDealTwiceEvenUnderAnotherEventIdPaysOnce() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        String trade = """
                {"id":"%s","type":"trade.closed","occurredAt":"2026-10-01T10:00:00Z","clientId":"%s",
                 "data":{"dealId":"DEAL-1","accountLogin":"1001","platform":"MT5","symbol":"GBPUSD","lots":"1",
                         "openedAt":"2026-10-01T09:30:00Z","closedAt":"2026-10-01T10:00:00Z","currency":"USD"}}""";
        pipeline.apply(trade.formatted(client + "-a", client));
        pipeline.apply(trade.formatted(client + "-a", client));
        pipeline.apply(trade.formatted(client + "-b", client));
        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 7.0000 PENDING");
    }

    @Test
    void aChargedBackFirstDepositReversesTheCpaAndAChargebackBeforeItsDepositWaits() throws Exception {
        String partner = fixtures.unique("CB");
        fixtures.partner(partner, null);
        String plan = fixtures.unique("PLAN-CB");
        pipeline.plan(plan, """
                {"name":"CPA","payoutCurrency":"USD","rules":[{"kind":"CPA","amount":"50.00","minDeposit":"100"}]}""");
        pipeline.assignPlan(partner, plan);
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, partner);
        pipeline.kyc(client + "-k", client, DAY_1.plusSeconds(10), "APPROVED");

        EventOutcome early = pipeline.chargeback(client + "-cb", client, DAY_1.plus(2, ChronoUnit.DAYS), "T-9");
        assertThat(early.status()).isEqualTo(EventOutcome.Status.PARKED);
        assertThat(early.waitKey()).isEqualTo("deposit:" + client + ":T-9");

        pipeline.deposit(client + "-d", client, DAY_1.plusSeconds(100), "T-9", "250.00", "USD");
        assertThat(lines(partner)).containsExactly("0 CPA 50.0000 PAYABLE");
        pipeline.chargeback(client + "-cb", client, DAY_1.plus(2, ChronoUnit.DAYS), "T-9");
        assertThat(lines(partner)).containsExactly("0 CPA 50.0000 PAYABLE", "0 CPA -50.0000 PAYABLE");
    }

    @Test
    void aMissingFxRateParksTheTradeUntilTheRateArrives() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        String eurPlan = fixtures.unique("PLAN-EUR");
        pipeline.plan(eurPlan, """
                {"name":"Spread","payoutCurrency":"EUR","rules":[{"kind":"SPREAD_SHARE","percent":"50"}]}""");
        pipeline.assignPlan(tree[1], eurPlan);
        // A day no earlier run used: rates are immutable and the test database outlives a run.
        String day = java.time.LocalDate.of(2040, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(36_500)).toString();
        String trade = """
                {"id":"%s-t","type":"trade.closed","occurredAt":"%sT10:00:00Z","clientId":"%s",
                 "data":{"dealId":"X1","accountLogin":"1001","platform":"MT5","symbol":"EURUSD","lots":"1",
                         "openedAt":"%sT09:00:00Z","closedAt":"%sT10:00:00Z","spreadRevenue":"8.00",
                         "currency":"USD"}}""".formatted(client, day, client, day, day);

        EventOutcome waiting = pipeline.apply(trade);
        assertThat(waiting.status()).isEqualTo(EventOutcome.Status.PARKED);
        assertThat(waiting.waitKey()).isEqualTo("fx:" + day + ":USD:EUR");

        pipeline.fxRate(day, "USD", "EUR", "0.9000");
        assertThat(pipeline.apply(trade).status()).isEqualTo(EventOutcome.Status.PROCESSED);
        List<String> amounts = jdbc.sql("SELECT CONCAT(partner_code, ' ', amount, ' ', currency) FROM ledger_line WHERE client_id = :c AND level = 0")
                .param("c", client).query(String.class).list();
        assertThat(amounts).containsExactly(tree[1] + " 3.6000 EUR");
    }

    @Test
    void reassigningAClientInThePastMovesItsLaterLinesToTheNewPartner() throws Exception {
        String[] tree = rateDifferenceTree();
        String other = fixtures.unique("O");
        fixtures.partner(other, null);
        String otherPlan = fixtures.unique("PLAN-O");
        pipeline.plan(otherPlan, """
                {"name":"O","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EUR*"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"4.00"}}]}""");
        pipeline.assignPlan(other, otherPlan);
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        pipeline.trade(client + "-t1", client, "EURUSD", "1.00", DAY_1.plusSeconds(60), DAY_1.plusSeconds(120), "USD");
        pipeline.trade(client + "-t2", client, "EURUSD", "2.00", DAY_1.plus(5, ChronoUnit.DAYS),
                DAY_1.plus(5, ChronoUnit.DAYS).plusSeconds(60), "USD");

        mvc.perform(com.ibportal.Fixtures.json(post("/api/v1/clients/" + client + "/reassign"),
                        "{\"partnerCode\":\"" + other + "\",\"effectiveFrom\":\"" + DAY_1.plus(2, ChronoUnit.DAYS) + "\"}")
                        .with(as(admin)))
                .andExpect(status().isOk());

        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 7.0000 PENDING", "0 PER_LOT 14.0000 PENDING",
                "0 PER_LOT -14.0000 PENDING");
        assertThat(lines(tree[0])).containsExactly("1 OVERRIDE 3.0000 PENDING", "1 OVERRIDE 6.0000 PENDING",
                "1 OVERRIDE -6.0000 PENDING");
        assertThat(lines(other)).containsExactly("0 PER_LOT 8.0000 PENDING");
    }

    @Test
    void movingASubIbInThePastMovesItsOverridesToTheNewMaster() throws Exception {
        String[] tree = rateDifferenceTree();
        String newMaster = fixtures.unique("N");
        fixtures.partner(newMaster, null);
        String plan = fixtures.unique("PLAN-N");
        pipeline.plan(plan, """
                {"name":"N","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EURUSD"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"12.00"}},{"kind":"OVERRIDE","mode":"RATE_DIFFERENCE"}]}""");
        pipeline.assignPlan(newMaster, plan);
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        pipeline.trade(client + "-t1", client, "EURUSD", "1.00", DAY_1.plus(5, ChronoUnit.DAYS),
                DAY_1.plus(5, ChronoUnit.DAYS).plusSeconds(60), "USD");

        mvc.perform(com.ibportal.Fixtures.json(post("/api/v1/partners/" + tree[1] + "/move"),
                        "{\"parentCode\":\"" + newMaster + "\",\"effectiveFrom\":\"" + DAY_1.plus(2, ChronoUnit.DAYS) + "\"}")
                        .with(as(admin)))
                .andExpect(status().isOk());

        assertThat(lines(tree[1])).containsExactly("0 PER_LOT 7.0000 PENDING");
        assertThat(lines(tree[0])).containsExactly("1 OVERRIDE 3.0000 PENDING", "1 OVERRIDE -3.0000 PENDING");
        assertThat(lines(newMaster)).containsExactly("1 OVERRIDE 5.0000 PENDING");
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteALedgerLine() throws Exception {
        String[] tree = rateDifferenceTree();
        String client = fixtures.unique("C");
        pipeline.registered(client + "-r", client, DAY_1, tree[1]);
        pipeline.trade(client + "-t1", client, "EURUSD", "1.00", DAY_1.plusSeconds(60), DAY_1.plusSeconds(120), "USD");
        long id = jdbc.sql("SELECT id FROM ledger_line WHERE client_id = :c AND level = 0").param("c", client)
                .query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_line SET amount = 1 WHERE id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_line SET status = 'PAID' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_line WHERE id = :id").param("id", id).update())
                .hasMessageContaining("never deleted");
    }

    @Test
    void anIbSeesItsOwnAndItsSubtreesLedgerButNotItsMastersOrASiblings() throws Exception {
        String[] tree = rateDifferenceTree();
        String sibling = fixtures.unique("SIB");
        fixtures.partner(sibling, tree[0]);
        PortalUser sub = fixtures.ibWithLogin(fixtures.unique("SUBIB"), tree[1]);
        String subCode = sub.partnerCode();

        mvc.perform(get("/api/v1/partners/" + subCode + "/ledger?from=2026-10-01&to=2026-10-31").with(as(sub)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/" + tree[1] + "/ledger?from=2026-10-01&to=2026-10-31").with(as(sub)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/" + sibling + "/summary?from=2026-10-01&to=2026-10-31").with(as(sub)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/" + subCode + "/ledger?from=2026-10-31&to=2026-10-01").with(as(sub)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/partners/" + subCode + "/ledger?from=2026-10-01&to=2026-10-31&status=LOST").with(as(sub)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void replayingAPeriodFromTheStoredTradesReproducesTheLedgerExactly() throws Exception {
        String[] tree = rateDifferenceTree();
        String tiered = fixtures.unique("TIER");
        fixtures.partner(tiered, tree[0]);
        String tierPlan = fixtures.unique("PLAN-T");
        pipeline.plan(tierPlan, """
                {"name":"Tiers","payoutCurrency":"USD","symbolGroups":[{"name":"FX_MAJORS","symbols":["EURUSD"]}],
                 "rules":[{"kind":"TIERED_PER_LOT","mode":"PROGRESSIVE",
                           "tiers":[{"fromLots":"0","rate":"5.00"},{"fromLots":"3","rate":"7.00"}]},
                          {"kind":"SPREAD_SHARE","percent":"25"}]}""");
        pipeline.assignPlan(tiered, tierPlan);
        // A month of its own, far from other tests' trades: the test database is shared.
        Instant month = java.time.LocalDate.of(2100, 1, 1)
                .plusMonths(java.util.concurrent.ThreadLocalRandom.current().nextInt(1200))
                .atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        String client = fixtures.unique("C");
        String other = fixtures.unique("C");
        pipeline.registered(client + "-r", client, month, tiered);
        pipeline.registered(other + "-r", other, month, tree[1]);
        for (int i = 1; i <= 6; i++) {
            Instant closed = month.plus(i, ChronoUnit.DAYS);
            pipeline.apply("""
                    {"id":"%1$s-t%2$d","type":"trade.closed","occurredAt":"%3$s","clientId":"%1$s",
                     "data":{"dealId":"R%2$d","accountLogin":"7","platform":"MT4","symbol":"EURUSD","lots":"1.25",
                             "openedAt":"%4$s","closedAt":"%3$s","spreadRevenue":"3.3333","currency":"USD"}}"""
                    .formatted(i % 2 == 0 ? client : other, i, closed, closed.minusSeconds(90)));
        }
        String range = "from=" + month.toString().substring(0, 10) + "&to="
                + month.plus(27, ChronoUnit.DAYS).toString().substring(0, 10);

        mvc.perform(post("/api/v1/commissions/replay?" + range).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tradesReplayed").value(6))
                .andExpect(jsonPath("$.linesInLedger").value(15))
                .andExpect(jsonPath("$.linesExpected").value(15))
                .andExpect(jsonPath("$.differences").isEmpty());
        // The tiered partner crossed 3 lots on its third trade: 1.25 at 5.00 then 0.50 at 5.00 + 0.75 at 7.00.
        assertThat(lines(tiered)).contains("0 TIERED_PER_LOT 6.2500 PENDING", "0 TIERED_PER_LOT 7.7500 PENDING");
    }

    @Test
    void aRegistrationCarryingACountryNameAsMt5SendsItIsStored() {
        String client = fixtures.unique("C");
        EventOutcome outcome = pipeline.apply("""
                {"id":"%s-r","type":"client.registered","occurredAt":"2026-10-01T09:00:00Z","clientId":"%s",
                 "data":{"country":"United Arab Emirates"}}""".formatted(client, client));
        assertThat(outcome.status()).isEqualTo(EventOutcome.Status.PROCESSED);
        assertThat(jdbc.sql("SELECT country FROM client WHERE external_id = :c").param("c", client).query(String.class).single())
                .isEqualTo("United Arab Emirates");
    }
}
