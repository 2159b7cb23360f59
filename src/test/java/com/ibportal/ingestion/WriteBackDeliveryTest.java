package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookVerifier;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The write-back outbox against a real local HTTP receiver: signed, retried with backoff, FAILED, retried by an admin. */
@PortalIntegrationTest
class WriteBackDeliveryTest {

    private static final Instant FROM = Instant.parse("2026-10-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    WriteBackService writeBacks;
    @Autowired
    WriteBackSender sender;

    PortalUser admin;
    LocalHttpServer receiver;
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        admin = fixtures.staff(Role.ADMIN);
        receiver = new LocalHttpServer(request -> {
            Integer code = answers.poll();
            return LocalHttpServer.Answer.of(code == null ? 204 : code, null);
        });
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private JsonNode createConnector(String format, String settings) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "%s", "settings": %s}"""
                        .formatted(fixtures.unique("WB"), format, settings)).with(as(admin)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonValues.mapper().readTree(answer);
    }

    private Optional<String> enqueue(long connectorId, String clientId, String partnerCode) {
        return transactions.execute(status -> SystemActor.call(() ->
                writeBacks.enqueue(connectorId, clientId, partnerCode, FROM)));
    }

    private String statusOf(String messageId) {
        return jdbc.queryForObject("SELECT status FROM writeback_outbox WHERE message_id = ?", String.class, messageId);
    }

    private int attemptsOf(String messageId) {
        return jdbc.queryForObject("SELECT attempts FROM writeback_outbox WHERE message_id = ?", Integer.class, messageId);
    }

    private Instant nextAttemptOf(String messageId) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM writeback_outbox WHERE message_id = ?",
                java.time.LocalDateTime.class, messageId).toInstant(java.time.ZoneOffset.UTC);
    }

    private void makeDue(String messageId) {
        jdbc.update("UPDATE writeback_outbox SET next_attempt_at = '2000-01-01' WHERE message_id = ?", messageId);
    }

    @Test
    void mt5WriteBackIsDeliveredSignedWithTheConnectorSecretAndNamesTheUserFields() throws Exception {
        JsonNode connector = createConnector("mt5", """
                {"serverId": "mt5-wb", "serverZone": "UTC", "accountCurrency": "USD",
                 "clientIdsByLogin": {"1020": "C-1020"}, "writeBackUrl": "%s"}""".formatted(receiver.url("/crm/attribution")));
        long id = connector.get("id").longValue();
        String secret = connector.get("secret").stringValue();

        String messageId = enqueue(id, "C-1020", "IB-7").orElseThrow();
        assertThat(sender.deliverDue(id)).isEqualTo(1);

        assertThat(receiver.received).hasSize(1);
        LocalHttpServer.Received request = receiver.received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/crm/attribution");
        assertThat(request.headers().get("webhook-id")).isEqualTo(messageId);
        new WebhookVerifier(WebhookSecret.parse(secret)).verify(request.headers(), request.body(), Instant.now());
        JsonNode body = JsonValues.mapper().readTree(request.body());
        assertThat(body.get("clientId").stringValue()).isEqualTo("C-1020");
        assertThat(body.get("partnerCode").stringValue()).isEqualTo("IB-7");
        assertThat(body.get("effectiveFrom").stringValue()).isEqualTo("2026-10-01T09:00:00Z");
        assertThat(body.at("/mt5/Login").stringValue()).isEqualTo("1020");
        assertThat(body.at("/mt5/LeadSource").stringValue()).isEqualTo("IB-7");
        assertThat(statusOf(messageId)).isEqualTo("DELIVERED");
        assertThat(attemptsOf(messageId)).isEqualTo(1);

        mvc.perform(get("/api/v1/connectors/{id}/writebacks?status=DELIVERED", id).with(as(fixtures.staff(Role.FINANCE))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].messageId").value(messageId))
                .andExpect(jsonPath("$.items[0].payload.partnerCode").value("IB-7"))
                .andExpect(jsonPath("$.items[0].attempts").value(1));
        assertThat(sender.deliverDue(id)).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithDoublingBackoffUnderTheSameMessageIdThenDelivered() throws Exception {
        long id = createConnector("canonical", "{\"writeBackUrl\": \"%s\"}".formatted(receiver.url("/wb")))
                .get("id").longValue();
        String messageId = enqueue(id, "C-" + fixtures.unique("R"), "IB-1").orElseThrow();
        answers.addAll(List.of(500, 503));

        Instant before = Instant.now();
        sender.deliverDue(id);
        assertThat(statusOf(messageId)).isEqualTo("PENDING");
        assertThat(attemptsOf(messageId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM writeback_outbox WHERE message_id = ?", String.class, messageId))
                .isEqualTo("HTTP 500");
        assertThat(Duration.between(before, nextAttemptOf(messageId)).toSeconds()).isBetween(9L, 12L);
        assertThat(sender.deliverDue(id)).as("not due before its backoff").isZero();

        makeDue(messageId);
        before = Instant.now();
        sender.deliverDue(id);
        assertThat(attemptsOf(messageId)).isEqualTo(2);
        assertThat(Duration.between(before, nextAttemptOf(messageId)).toSeconds()).isBetween(19L, 22L);

        makeDue(messageId);
        sender.deliverDue(id);
        assertThat(statusOf(messageId)).isEqualTo("DELIVERED");
        assertThat(attemptsOf(messageId)).isEqualTo(3);
        assertThat(receiver.received).hasSize(3)
                .allSatisfy(request -> assertThat(request.headers().get("webhook-id")).isEqualTo(messageId));
    }

    @Test
    void failedAfterMaxAttemptsThenAnAdminRetriesIt() throws Exception {
        long id = createConnector("canonical", "{\"writeBackUrl\": \"%s\"}".formatted(receiver.url("/wb")))
                .get("id").longValue();
        String messageId = enqueue(id, "C-" + fixtures.unique("F"), "IB-2").orElseThrow();
        jdbc.update("UPDATE writeback_outbox SET attempts = 11 WHERE message_id = ?", messageId);
        answers.add(500);

        sender.deliverDue(id);
        assertThat(statusOf(messageId)).isEqualTo("FAILED");
        assertThat(attemptsOf(messageId)).isEqualTo(12);
        long rowId = jdbc.queryForObject("SELECT id FROM writeback_outbox WHERE message_id = ?", Long.class, messageId);
        mvc.perform(get("/api/v1/connectors/{id}/writebacks?status=failed", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(rowId))
                .andExpect(jsonPath("$.items[0].lastError").value("HTTP 500"));
        assertThat(sender.deliverDue(id)).as("FAILED is never sent on its own").isZero();

        mvc.perform(post("/api/v1/connectors/{id}/writebacks/{wb}/retry", id, rowId).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));
        sender.deliverDue(id);
        assertThat(statusOf(messageId)).isEqualTo("DELIVERED");
        mvc.perform(post("/api/v1/connectors/{id}/writebacks/{wb}/retry", id, rowId).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/connectors/{id}/writebacks/{wb}/retry", id, rowId).with(as(fixtures.staff(Role.FINANCE))))
                .andExpect(status().isForbidden());
    }

    @Test
    void goneIsFinalAtOnce() throws Exception {
        long id = createConnector("canonical", "{\"writeBackUrl\": \"%s\"}".formatted(receiver.url("/wb")))
                .get("id").longValue();
        String messageId = enqueue(id, "C-" + fixtures.unique("G"), "IB-3").orElseThrow();
        answers.add(410);
        sender.deliverDue(id);
        assertThat(statusOf(messageId)).isEqualTo("FAILED");
        assertThat(attemptsOf(messageId)).isEqualTo(1);
    }

    @Test
    void connectorsWithoutAWriteBackUrlGetNothingAndOnlyWebhookConnectorsMayHaveOne() throws Exception {
        long id = createConnector("canonical", "{}").get("id").longValue();
        assertThat(enqueue(id, "C-" + fixtures.unique("N"), "IB-4")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM writeback_outbox WHERE connector_id = ?", Long.class, id)).isZero();

        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "CSV", "format": "canonical", "settings": {"writeBackUrl": "https://crm.test/wb"}}"""
                        .formatted(fixtures.unique("WB"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settings.writeBackUrl"));
    }
}
