package com.ibportal.processing;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.clients.ClientService;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Attributions queue a write-back for the connector the client registered through, in the attribution's transaction. */
@PortalIntegrationTest
class AttributionWriteBackTest {

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
    JdbcTemplate jdbc;
    @Autowired
    ClientService clients;

    PortalUser admin;
    long connectorId;

    @BeforeEach
    void setUp() throws Exception {
        admin = fixtures.staff(Role.ADMIN);
        String answer = mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "canonical",
                         "settings": {"writeBackUrl": "https://crm.test/attribution"}}""".formatted(fixtures.unique("CRM")))
                        .with(as(admin)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        connectorId = JsonValues.mapper().readTree(answer).get("id").longValue();
    }

    private void register(String clientId, String referralCode, boolean rollBack) {
        CanonicalEvent event = new CanonicalEventParser().parse(JsonValues.mapper().readTree("""
                {"id":"reg-%s","type":"client.registered","occurredAt":"%s","clientId":"%s","data":{"referralCode":"%s"}}
                """.formatted(clientId, DAY_1, clientId, referralCode))).orThrow();
        transactions.executeWithoutResult(status -> {
            SystemActor.call(() -> applier.apply(event, connectorId));
            if (rollBack) {
                status.setRollbackOnly();
            }
        });
    }

    private List<JsonNode> writeBacks(String clientId) {
        return jdbc.queryForList("SELECT payload FROM writeback_outbox WHERE connector_id = ? AND client_id = ? ORDER BY id",
                String.class, connectorId, clientId).stream().map(json -> JsonValues.mapper().readTree(json)).toList();
    }

    @Test
    void aRegistrationWithAKnownCodeQueuesAWriteBackAndARolledBackOneQueuesNothing() {
        String partner = fixtures.unique("P");
        fixtures.partner(partner, null);
        String rolledBack = fixtures.unique("C");
        register(rolledBack, partner, true);
        assertThat(writeBacks(rolledBack)).isEmpty();

        String client = fixtures.unique("C");
        register(client, partner, false);
        List<JsonNode> queued = writeBacks(client);
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().get("partnerCode").stringValue()).isEqualTo(partner);
        assertThat(queued.getFirst().get("effectiveFrom").stringValue()).isEqualTo(DAY_1.toString());
        assertThat(jdbc.queryForObject("SELECT status FROM writeback_outbox WHERE client_id = ?", String.class, client))
                .isEqualTo("PENDING");
    }

    @Test
    void anUnknownCodeQueuesNothingUntilAnAdminAssignsThenReassigns() throws Exception {
        String client = fixtures.unique("C");
        register(client, fixtures.unique("NOPE"), false);
        assertThat(writeBacks(client)).isEmpty();

        String first = fixtures.unique("P");
        String second = fixtures.unique("P");
        fixtures.partner(first, null);
        fixtures.partner(second, null);
        mvc.perform(json(post("/api/v1/clients/{id}/assign", client), "{\"partnerCode\": \"" + first + "\"}").with(as(admin)))
                .andExpect(status().isOk());
        assertThat(writeBacks(client)).extracting(node -> node.get("partnerCode").stringValue()).containsExactly(first);

        // a reassignment that rolls back leaves no write-back
        transactions.executeWithoutResult(status -> {
            SystemActor.call(() -> clients.reassign(client, second, Instant.parse("2026-11-01T00:00:00Z")));
            status.setRollbackOnly();
        });
        assertThat(writeBacks(client)).hasSize(1);

        mvc.perform(json(post("/api/v1/clients/{id}/reassign", client),
                        "{\"partnerCode\": \"" + second + "\", \"effectiveFrom\": \"2026-11-01T00:00:00Z\"}").with(as(admin)))
                .andExpect(status().isOk());
        List<JsonNode> queued = writeBacks(client);
        assertThat(queued).extracting(node -> node.get("partnerCode").stringValue()).containsExactly(first, second);
        assertThat(queued.getLast().get("effectiveFrom").stringValue()).isEqualTo("2026-11-01T00:00:00Z");
    }

    @Test
    void clientsNotRegisteredThroughAConnectorGetNoWriteBack() {
        String partner = fixtures.unique("P");
        fixtures.partner(partner, null);
        String client = fixtures.unique("C");
        CanonicalEvent event = new CanonicalEventParser().parse(JsonValues.mapper().readTree("""
                {"id":"reg-%s","type":"client.registered","occurredAt":"%s","clientId":"%s","data":{"referralCode":"%s"}}
                """.formatted(client, DAY_1, client, partner))).orThrow();
        transactions.executeWithoutResult(status -> SystemActor.call(() -> applier.apply(event, 0)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM writeback_outbox WHERE client_id = ?", Long.class, client)).isZero();
    }
}
