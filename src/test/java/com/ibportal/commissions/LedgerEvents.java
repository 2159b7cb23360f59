package com.ibportal.commissions;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.ingestion.EventOutcome;
import com.ibportal.ingestion.IngestedEventHandler;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real ledger lines for view and service tests: canonical events through the pipeline (one transaction
 * each, as the inbox worker runs them) and plans assigned through the REST API as an admin. A few of
 * processing's PipelineHarness helpers, reachable from other packages.
 */
public final class LedgerEvents {

    private final IngestedEventHandler handler;
    private final TransactionTemplate transactions;
    private final MockMvc mvc;
    private final PortalUser admin;

    public LedgerEvents(IngestedEventHandler handler, TransactionTemplate transactions, MockMvc mvc, Fixtures fixtures) {
        this.handler = handler;
        this.transactions = transactions;
        this.mvc = mvc;
        this.admin = fixtures.staff(Role.ADMIN);
    }

    public EventOutcome apply(String eventJson) {
        CanonicalEvent event = new CanonicalEventParser().parse(JsonValues.mapper().readTree(eventJson)).orThrow();
        EventOutcome outcome = transactions.execute(status -> SystemActor.call(() -> handler.apply(event, 0)));
        if (outcome == null || outcome.status() != EventOutcome.Status.PROCESSED) {
            throw new IllegalStateException("event not processed: " + outcome + " " + eventJson);
        }
        return outcome;
    }

    public void registered(String clientId, Instant at, String referralCode) {
        apply("""
                {"id":"%s-r","type":"client.registered","occurredAt":"%s","clientId":"%s",
                 "data":{"referralCode":"%s","email":"%s@client.test","country":"DE"}}
                """.formatted(clientId, at, clientId, referralCode, clientId));
    }

    public void kyc(String eventId, String clientId, Instant at, String kycStatus) {
        apply("""
                {"id":"%s","type":"client.kyc_changed","occurredAt":"%s","clientId":"%s","data":{"status":"%s"}}
                """.formatted(eventId, at, clientId, kycStatus));
    }

    /** A trade closed at {@code closedAt}, opened an hour before. */
    public void trade(String eventId, String clientId, String symbol, String lots, Instant closedAt) {
        apply("""
                {"id":"%s","type":"trade.closed","occurredAt":"%s","clientId":"%s",
                 "data":{"dealId":"D-%s","accountLogin":"L-%s","platform":"MT5","symbol":"%s","lots":"%s",
                         "openedAt":"%s","closedAt":"%s","profit":"-10.00","swap":"0","currency":"USD"}}
                """.formatted(eventId, closedAt, clientId, eventId, clientId, symbol, lots, closedAt.minusSeconds(3600),
                closedAt));
    }

    public void plan(String planCode, String planJson) throws Exception {
        mvc.perform(json(put("/api/v1/plans/" + planCode), planJson).with(as(admin)))
                .andExpect(status().is2xxSuccessful());
    }

    public void assignPlan(String partnerCode, String planCode) throws Exception {
        mvc.perform(json(put("/api/v1/partners/" + partnerCode + "/plan"), "{\"planCode\":\"" + planCode + "\"}")
                .with(as(admin))).andExpect(status().is2xxSuccessful());
    }

    /** The partners and clients of {@link #network}. */
    public record Network(String master, String sub, String outsider, String clientOfSub, String clientOfMaster,
                          String duplicateClient) {
    }

    /**
     * Master M (10.00/lot with RATE_DIFFERENCE overrides) above sub-IB S (7.00/lot), both with logins, and an
     * outsider X; every event in the month of {@code day1}. Lines:
     * S: +17.50 PAYABLE, +7.00 PENDING and its reversal -7.00 PENDING (all level 0);
     * M: +7.50 PAYABLE override from S, +10.00 PENDING own, +3.00 PENDING override from S and its reversal -3.00;
     * X: +10.00 PENDING. The duplicate client's trade after its KYC turned DUPLICATE is an exclusion.
     */
    public Network network(Fixtures fixtures, Instant day1) throws Exception {
        String m = fixtures.unique("EM");
        String s = m + "-S";
        String x = fixtures.unique("EX");
        fixtures.ibWithLogin(m, null);
        fixtures.ibWithLogin(s, m);
        fixtures.ibWithLogin(x, null);
        String masterPlan = fixtures.unique("EPLAN-M");
        plan(masterPlan, """
                {"name":"Master","payoutCurrency":"USD",
                 "symbolGroups":[{"name":"FX_MAJORS","symbols":["EURUSD","GBPUSD","USDJPY"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX_MAJORS":"10.00"}},{"kind":"OVERRIDE","mode":"RATE_DIFFERENCE"}]}""");
        String subPlan = fixtures.unique("EPLAN-S");
        plan(subPlan, """
                {"name":"Sub","payoutCurrency":"USD",
                 "symbolGroups":[{"name":"FX_MAJORS","symbols":["EURUSD","GBPUSD","USDJPY"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX_MAJORS":"7.00"}}]}""");
        assignPlan(m, masterPlan);
        assignPlan(s, subPlan);
        assignPlan(x, masterPlan);

        String clientOfSub = fixtures.unique("EC");
        registered(clientOfSub, day1, s);
        kyc(clientOfSub + "-k", clientOfSub, day1.plusSeconds(60), "APPROVED");
        trade(clientOfSub + "-t1", clientOfSub, "EURUSD", "2.50", day1.plusSeconds(7200));

        String clientOfMaster = fixtures.unique("EC");
        registered(clientOfMaster, day1, m);
        trade(clientOfMaster + "-t1", clientOfMaster, "EURUSD", "1.00", day1.plusSeconds(86_400));

        String duplicate = fixtures.unique("EC");
        registered(duplicate, day1, s);
        trade(duplicate + "-t1", duplicate, "EURUSD", "1.00", day1.plusSeconds(2 * 86_400));
        kyc(duplicate + "-k", duplicate, day1.plusSeconds(4 * 86_400), "DUPLICATE");
        trade(duplicate + "-t2", duplicate, "EURUSD", "1.00", day1.plusSeconds(5 * 86_400));

        String outsiderClient = fixtures.unique("EC");
        registered(outsiderClient, day1, x);
        trade(outsiderClient + "-t1", outsiderClient, "EURUSD", "1.00", day1.plusSeconds(86_400));
        return new Network(m, s, x, clientOfSub, clientOfMaster, duplicate);
    }
}
