package com.ibportal.processing;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.ingestion.EventOutcome;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.SystemActor;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Feeds canonical events through the pipeline the way the inbox worker does: one transaction each, as the system. */
public final class PipelineHarness {

    private final CanonicalEventApplier applier;
    private final TransactionTemplate transactions;
    private final MockMvc mvc;
    private final PortalUser admin;

    PipelineHarness(CanonicalEventApplier applier, TransactionTemplate transactions, MockMvc mvc, PortalUser admin) {
        this.applier = applier;
        this.transactions = transactions;
        this.mvc = mvc;
        this.admin = admin;
    }

    /** For tests outside this package, where the applier (package-private) cannot be named. */
    public static PipelineHarness create(ApplicationContext context, MockMvc mvc, PortalUser admin) {
        return new PipelineHarness(context.getBean(CanonicalEventApplier.class), context.getBean(TransactionTemplate.class),
                mvc, admin);
    }

    public EventOutcome apply(String eventJson) {
        CanonicalEvent event = new CanonicalEventParser().parse(JsonValues.mapper().readTree(eventJson)).orThrow();
        return transactions.execute(status -> SystemActor.call(() -> applier.apply(event, 0)));
    }

    public EventOutcome registered(String eventId, String clientId, Instant at, String referralCode) {
        return apply("""
                {"id":"%s","type":"client.registered","occurredAt":"%s","clientId":"%s",
                 "data":{"referralCode":"%s","email":"%s@client.test","country":"DE"}}
                """.formatted(eventId, at, clientId, referralCode, clientId));
    }

    public EventOutcome kyc(String eventId, String clientId, Instant at, String kycStatus) {
        return apply("""
                {"id":"%s","type":"client.kyc_changed","occurredAt":"%s","clientId":"%s","data":{"status":"%s"}}
                """.formatted(eventId, at, clientId, kycStatus));
    }

    public EventOutcome deposit(String eventId, String clientId, Instant at, String transactionId, String amount, String currency) {
        return apply("""
                {"id":"%s","type":"deposit.completed","occurredAt":"%s","clientId":"%s",
                 "data":{"transactionId":"%s","amount":"%s","currency":"%s"}}
                """.formatted(eventId, at, clientId, transactionId, amount, currency));
    }

    public EventOutcome chargeback(String eventId, String clientId, Instant at, String transactionId) {
        return apply("""
                {"id":"%s","type":"deposit.charged_back","occurredAt":"%s","clientId":"%s","data":{"transactionId":"%s"}}
                """.formatted(eventId, at, clientId, transactionId));
    }

    public EventOutcome trade(String eventId, String clientId, String symbol, String lots, Instant openedAt, Instant closedAt,
                       String currency) {
        return apply("""
                {"id":"%s","type":"trade.closed","occurredAt":"%s","clientId":"%s",
                 "data":{"dealId":"D-%s","accountLogin":"L-%s","platform":"MT5","symbol":"%s","lots":"%s",
                         "openedAt":"%s","closedAt":"%s","profit":"-10.00","swap":"0","currency":"%s"}}
                """.formatted(eventId, closedAt, clientId, eventId, clientId, symbol, lots, openedAt, closedAt, currency));
    }

    public void plan(String planCode, String planJson) throws Exception {
        mvc.perform(json(put("/api/v1/plans/" + planCode), planJson).with(as(admin)))
                .andExpect(status().is2xxSuccessful());
    }

    public void assignPlan(String partnerCode, String planCode) throws Exception {
        mvc.perform(json(put("/api/v1/partners/" + partnerCode + "/plan"), "{\"planCode\":\"" + planCode + "\"}")
                .with(as(admin))).andExpect(status().is2xxSuccessful());
    }

    public void fxRate(String date, String base, String quote, String rate) throws Exception {
        mvc.perform(json(post("/api/v1/fx-rates"), """
                [{"date":"%s","base":"%s","quote":"%s","rate":"%s"}]""".formatted(date, base, quote, rate))
                .with(as(admin))).andExpect(status().is2xxSuccessful());
    }

    public String ledger(String partnerCode, PortalUser user) throws Exception {
        return mvc.perform(get("/api/v1/partners/" + partnerCode + "/ledger?from=2000-01-01&to=2199-12-31").with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    public static JsonNode tree(String json) {
        return JsonValues.mapper().readTree(json);
    }
}
