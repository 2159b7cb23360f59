package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.shared.Hashing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ConnectorApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private long create(PortalUser admin, String body) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/connectors"), body).with(as(admin)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonValues.mapper().readTree(answer).get("id").longValue();
    }

    @Test
    void adminCreatesAWebhookConnectorAndSeesItsSecretOnceEncryptedAtRest() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        String name = fixtures.unique("CRM");
        String answer = mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "mt5",
                         "settings": {"serverId": "mt5-live", "serverZone": "Europe/Athens", "accountCurrency": "USD"}}"""
                        .formatted(name)).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.kind").value("WEBHOOK"))
                .andExpect(jsonPath("$.format").value("mt5"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.secret", startsWith("whsec_")))
                .andReturn().getResponse().getContentAsString();
        long id = JsonValues.mapper().readTree(answer).get("id").longValue();
        String secret = JsonValues.mapper().readTree(answer).get("secret").stringValue();

        mvc.perform(get("/api/v1/connectors/{id}", id).with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.serverZone").value("Europe/Athens"))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret.substring(6, 20)))));
        mvc.perform(get("/api/v1/connectors").with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value(name));
        mvc.perform(get("/api/v1/connectors/health").with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.connectorId == " + id + ")].eventsLastHour").value(0));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/ingest/{connectorId}'].post.parameters[?(@.name == 'webhook-signature')]").exists())
                .andExpect(jsonPath("$.paths['/api/v1/connectors/{id}/rotate-secret'].post").exists());
        String stored = jdbc.queryForObject("SELECT secret_current FROM connector WHERE id = ?", String.class, id);
        assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6));
    }

    @Test
    void onlyAdminsChangeConnectors() throws Exception {
        PortalUser finance = fixtures.staff(Role.FINANCE);
        PortalUser ib = fixtures.ibWithLogin(fixtures.unique("IB"), null);
        String body = "{\"name\": \"x\", \"kind\": \"WEBHOOK\", \"format\": \"canonical\"}";
        mvc.perform(json(post("/api/v1/connectors"), body).with(as(finance))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/connectors"), body).with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/connectors").with(as(ib))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/connectors"), body)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPostbackConnectorGetsATokenStoredAsAHash() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String answer = mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "postback", "format": "canonical", "enabled": false}"""
                        .formatted(fixtures.unique("PB"))).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("POSTBACK"))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.secret", startsWith("pbt_")))
                .andReturn().getResponse().getContentAsString();
        var created = JsonValues.mapper().readTree(answer);
        assertThat(jdbc.queryForObject("SELECT secret_current FROM connector WHERE id = ?", String.class,
                created.get("id").longValue())).isEqualTo(Hashing.sha256Hex(created.get("secret").stringValue()));

        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "CSV", "format": "canonical"}""".formatted(fixtures.unique("CSV"))).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").doesNotExist());
    }

    @Test
    void invalidRequestsNameTheirFields() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        mvc.perform(json(post("/api/v1/connectors"), "{\"name\": \"\", \"kind\": \"FTP\", \"format\": \"mt6\"}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'format')]").exists());
        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "mt5", "settings": {"serverZon": "UTC"}}"""
                        .formatted(fixtures.unique("M"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'settings.serverId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'settings.serverZone')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'settings.serverZon')]").exists());
        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "mt4",
                         "settings": {"serverId": "a:b", "serverZone": "Mars/Base", "accountCurrency": "dollars",
                                      "maxBodyBytes": 10, "rateLimitPerSecond": 0, "writeBackUrl": "ftp://crm",
                                      "ipAllowList": ["crm.example.com"]}}"""
                        .formatted(fixtures.unique("M"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(7));
        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "mapping"}""".formatted(fixtures.unique("M"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settings.jsonMapping"));
        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "WEBHOOK", "format": "mapping",
                         "settings": {"jsonMapping": {"type": {"fixed": "deposit.completed"}, "fields": {"id": "customer"}}}}"""
                        .formatted(fixtures.unique("M"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'settings.jsonMapping.fields.occurredAt')]").exists());
    }

    @Test
    void aValidMappingConnectorIsAccepted() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        create(admin, """
                {"name": "%s", "kind": "WEBHOOK", "format": "mapping",
                 "settings": {"jsonMapping": {"type": {"fixed": "deposit.completed"},
                   "fields": {"id": "/txId", "occurredAt": "/time", "clientId": "/customer", "data.transactionId": "/txId",
                              "data.amount": "/amount", "data.currency": "/ccy"}}}}""".formatted(fixtures.unique("MAP")));
    }

    @Test
    void patchChangesNameEnabledAndSettingsAndDuplicateNamesConflict() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        String taken = fixtures.unique("T");
        create(admin, "{\"name\": \"%s\", \"kind\": \"WEBHOOK\", \"format\": \"canonical\"}".formatted(taken));
        long id = create(admin, "{\"name\": \"%s\", \"kind\": \"WEBHOOK\", \"format\": \"canonical\"}".formatted(fixtures.unique("C")));
        String renamed = fixtures.unique("R");

        mvc.perform(json(patch("/api/v1/connectors/{id}", id), """
                        {"name": "%s", "enabled": false, "settings": {"rateLimitPerSecond": 50}}""".formatted(renamed)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.settings.rateLimitPerSecond").value(50));
        mvc.perform(json(patch("/api/v1/connectors/{id}", id), "{\"name\": \"%s\"}".formatted(taken)).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/v1/connectors/{id}", id), "{\"settings\": {\"maxBodyBytes\": \"big\"}}").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settings.maxBodyBytes"));
        mvc.perform(json(patch("/api/v1/connectors/{id}", Long.MAX_VALUE), "{\"enabled\": true}").with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void rotationShowsTheNewSecretOnceAndKeepsThePreviousUntilDropped() throws Exception {
        PortalUser admin = fixtures.staff(Role.ADMIN);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        long id = create(admin, "{\"name\": \"%s\", \"kind\": \"WEBHOOK\", \"format\": \"canonical\"}".formatted(fixtures.unique("C")));

        mvc.perform(post("/api/v1/connectors/{id}/rotate-secret", id).with(as(finance))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/connectors/{id}/rotate-secret", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret", startsWith("whsec_")))
                .andExpect(jsonPath("$.previousSecretActive").value(true));
        mvc.perform(get("/api/v1/connectors/{id}", id).with(as(admin)))
                .andExpect(jsonPath("$.previousSecretActive").value(true))
                .andExpect(jsonPath("$.secretRotatedAt").exists());
        mvc.perform(delete("/api/v1/connectors/{id}/previous-secret", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousSecretActive").value(false));
        long csv = create(admin, "{\"name\": \"%s\", \"kind\": \"CSV\", \"format\": \"canonical\"}".formatted(fixtures.unique("CSV")));
        mvc.perform(post("/api/v1/connectors/{id}/rotate-secret", csv).with(as(admin))).andExpect(status().isConflict());
    }
}
