package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@PortalIntegrationTest
class PostbackApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectorService connectors;
    @Autowired
    InboxService inbox;
    @Autowired
    JdbcTemplate jdbc;

    private CreatedConnector postbackConnector(String settings) {
        return SystemActor.call(() -> connectors.create(new NewConnector(fixtures.unique("pb"), "POSTBACK", "canonical",
                true, JsonValues.mapper().readTree(settings))));
    }

    private static MockHttpServletRequestBuilder postback(long connectorId, String token) {
        return get("/api/v1/postback/" + connectorId).param("token", token);
    }

    private long stored(long connectorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ?", Long.class, connectorId);
    }

    @Test
    void aDepositPostbackIsAcceptedStoredRawWithoutTheTokenAndARetryIsADuplicateWith200() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        String id = fixtures.unique("tx");
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "deposit").param("id", id).param("client_id", "C-1")
                        .param("amount", "250.00").param("currency", "EUR").param("transaction_id", "T-9")
                        .param("occurred_at", "1790000000").param("clickid", "abc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "deposit").param("id", id).param("client_id", "C-1")
                        .param("amount", "250.00").param("currency", "EUR").param("transaction_id", "T-9")
                        .param("occurred_at", "1790000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("duplicate"))
                .andExpect(jsonPath("$.id").value(id));

        assertThat(stored(crm.id())).isEqualTo(1);
        InboxEventView event = SystemActor.call(() -> inbox.event(crm.id(), id));
        assertThat(event.type()).isEqualTo("deposit.completed");
        assertThat(event.clientId()).isEqualTo("C-1");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1790000000));
        String payload = jdbc.queryForObject("SELECT payload FROM inbox_event WHERE connector_id = ? AND event_id = ?",
                String.class, crm.id(), id);
        JsonNode canonical = JsonValues.mapper().readTree(payload);
        assertThat(canonical.at("/data/amount").asString()).isEqualTo("250.00");
        assertThat(canonical.at("/data/currency").asString()).isEqualTo("EUR");
        assertThat(canonical.at("/data/transactionId").asString()).isEqualTo("T-9");
        RawDelivery raw = SystemActor.call(() -> inbox.rawDelivery(crm.id(), id));
        assertThat(raw.body()).contains("event=deposit", "clickid=abc").doesNotContain("token", crm.secret());
        assertThat(raw.contentType()).contains("postback=GET");
    }

    @Test
    void aFormPostWithTheTokenInTheHeaderIsAcceptedAndWithoutIdTheDerivedIdDeduplicatesRetries() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        String client = fixtures.unique("C");
        for (String expected : new String[]{"accepted", "duplicate"}) {
            mvc.perform(post("/api/v1/postback/" + crm.id()).header("X-Postback-Token", crm.secret())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("event=ftd&client_id=" + client + "&amount=100&currency=USD&transaction_id=T-1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value(expected))
                    .andExpect(jsonPath("$.id").value("pb:deposit:" + client + ":T-1"));
        }
        // the same first deposit announced again as a plain deposit: the same fact, the same id
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "deposit").param("client_id", client)
                        .param("amount", "100").param("currency", "USD").param("transaction_id", "T-1"))
                .andExpect(jsonPath("$.status").value("duplicate"));
        assertThat(stored(crm.id())).isEqualTo(1);
    }

    @Test
    void aBadOrMissingTokenIs401AndStoresNothing() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        mvc.perform(postback(crm.id(), crm.secret() + "x").param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(crm.secret()))));
        mvc.perform(get("/api/v1/postback/" + crm.id()).param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isUnauthorized());
        assertThat(stored(crm.id())).isZero();
    }

    @Test
    void aRotatedTokenKeepsWorkingUntilTheNextRotation() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        RotatedSecret rotated = SystemActor.call(() -> connectors.rotateSecret(crm.id()));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", fixtures.unique("C")))
                .andExpect(status().isOk());
        mvc.perform(postback(crm.id(), rotated.secret()).param("event", "registration").param("client_id", fixtures.unique("C")))
                .andExpect(status().isOk());
        SystemActor.call(() -> connectors.dropPreviousSecret(crm.id()));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", fixtures.unique("C")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledConnectorOrOneOfAnotherKindIs410AndAnUnknownOne404() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        SystemActor.call(() -> connectors.change(crm.id(), new ConnectorChange(null, false, null)));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isGone());
        CreatedConnector webhook = Deliveries.webhook(connectors, fixtures.unique("wh"), "canonical", null);
        mvc.perform(postback(webhook.id(), "pbt_whatever").param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isGone());
        mvc.perform(postback(987_654_321L, "pbt_whatever").param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        CreatedConnector crm = postbackConnector("{}");
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "signup").param("client_id", "C-1"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("event"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "deposit").param("client_id", "C-1")
                        .param("amount", "12,50").param("currency", "USD").param("transaction_id", "T"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "deposit").param("amount", "1")
                        .param("currency", "USD").param("transaction_id", "T"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("client_id"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "kyc").param("client_id", "C-1").param("status", "ok"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1")
                        .param("occurred_at", "1790000000000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurred_at"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "withdrawal").param("client_id", "C-1")
                        .param("amount", "5").param("transaction_id", "T"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        assertThat(stored(crm.id())).isZero();
    }

    @Test
    void anAddressOutsideTheAllowListIs403AndInsideIsAccepted() throws Exception {
        CreatedConnector crm = postbackConnector("{\"ipAllowList\": [\"10.0.0.0/8\"]}");
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1")
                        .with(request -> {
                            request.setRemoteAddr("192.168.1.1");
                            return request;
                        }))
                .andExpect(status().isForbidden());
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1")
                        .with(request -> {
                            request.setRemoteAddr("10.2.3.4");
                            return request;
                        }))
                .andExpect(status().isOk());
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        CreatedConnector crm = postbackConnector("{\"rateLimitPerSecond\": 1}");
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isOk());
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", "C-1"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void aRegistrationAndAnFtdByPostbackAreAppliedToTheClient() throws Exception {
        String partner = fixtures.unique("PB");
        fixtures.partner(partner, null);
        CreatedConnector crm = postbackConnector("{}");
        String client = fixtures.unique("C");
        // the ftd overtakes its registration: it waits for the client and is applied once the registration arrives
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "ftd").param("client_id", client)
                        .param("amount", "300.00").param("currency", "USD").param("transaction_id", "T-" + client)
                        .param("occurred_at", "2026-10-02T10:00:00Z"))
                .andExpect(jsonPath("$.status").value("accepted"));
        mvc.perform(postback(crm.id(), crm.secret()).param("event", "registration").param("client_id", client)
                        .param("ref", partner).param("sub", "spring").param("country", "DE")
                        .param("occurred_at", "2026-10-01T09:00:00Z"))
                .andExpect(jsonPath("$.status").value("accepted"));

        SystemActor.call(() -> inbox.processDue());

        assertThat(SystemActor.call(() -> inbox.event(crm.id(), "pb:registration:" + client)).status()).isEqualTo("PROCESSED");
        assertThat(SystemActor.call(() -> inbox.event(crm.id(), "pb:deposit:" + client + ":T-" + client)).status())
                .isEqualTo("PROCESSED");
        mvc.perform(get("/api/v1/clients/" + client).with(as(fixtures.staff(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCode").value(partner))
                .andExpect(jsonPath("$.country").value("DE"))
                .andExpect(jsonPath("$.ftdAt").value("2026-10-02T10:00:00Z"))
                .andExpect(jsonPath("$.ftdAmount").value("300.0000"));
    }
}
