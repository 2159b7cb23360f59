package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static com.ibportal.ingestion.Deliveries.deposit;
import static com.ibportal.ingestion.Deliveries.registered;
import static com.ibportal.ingestion.Deliveries.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@PortalIntegrationTest
class IngestApiTest {

    private static final String AT = "2026-10-01T09:00:00Z";

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

    private CreatedConnector canonical() {
        return canonical("{}");
    }

    private CreatedConnector canonical(String settings) {
        return Deliveries.webhook(connectors, fixtures.unique("crm"), "canonical", JsonValues.mapper().readTree(settings));
    }

    private long stored(long connectorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ?", Long.class, connectorId);
    }

    @Test
    void aSignedEventIsAcceptedStoredRawAndReceived() throws Exception {
        CreatedConnector crm = canonical();
        String id = fixtures.unique("ev");
        String body = deposit(id, "C-1", AT);

        mvc.perform(signed(crm.id(), crm.secret(), body).with(request -> {
                    request.setRemoteAddr("10.1.2.3");
                    return request;
                }))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].id").value(id))
                .andExpect(jsonPath("$.results[0].status").value("accepted"));

        InboxEventView event = SystemActor.call(() -> inbox.event(crm.id(), id));
        assertThat(event.status()).isEqualTo("RECEIVED");
        assertThat(event.type()).isEqualTo("deposit.completed");
        assertThat(event.clientId()).isEqualTo("C-1");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(AT));
        RawDelivery raw = SystemActor.call(() -> inbox.rawDelivery(crm.id(), id));
        assertThat(raw.body()).as("every accepted event is stored raw, byte for byte").isEqualTo(body);
        assertThat(raw.remoteAddress()).isEqualTo("10.1.2.3");
        assertThat(raw.webhookId()).startsWith("msg_");
        assertThat(raw.contentType()).startsWith("application/json");
    }

    @Test
    void aBatchIsAcceptedAndARedeliveryIsAllDuplicatesWith200() throws Exception {
        CreatedConnector crm = canonical();
        String first = fixtures.unique("ev");
        String second = fixtures.unique("ev");
        String batch = "[" + registered(first, "C-2", AT) + "," + deposit(second, "C-2", "2026-10-01T10:00:00Z") + "]";

        mvc.perform(signed(crm.id(), crm.secret(), batch))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].status").value("accepted"))
                .andExpect(jsonPath("$.results[1].status").value("accepted"));
        mvc.perform(signed(crm.id(), crm.secret(), batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("duplicate"))
                .andExpect(jsonPath("$.results[1].status").value("duplicate"));
        String third = fixtures.unique("ev");
        mvc.perform(signed(crm.id(), crm.secret(), "[" + deposit(second, "C-2", AT) + "," + deposit(third, "C-2", AT) + "]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].status").value("duplicate"))
                .andExpect(jsonPath("$.results[1].status").value("accepted"));

        assertThat(stored(crm.id())).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_delivery WHERE connector_id = ?", Long.class, crm.id()))
                .as("a delivery that adds nothing is not stored again").isEqualTo(2);
    }

    @Test
    void theSameIdTwiceInOneBatchIsStoredOnceAndReportedAsDuplicateTheSecondTime() throws Exception {
        CreatedConnector crm = canonical();
        String id = fixtures.unique("ev");
        mvc.perform(signed(crm.id(), crm.secret(), "[" + deposit(id, "C-3", AT) + "," + deposit(id, "C-3", AT) + "]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].status").value("accepted"))
                .andExpect(jsonPath("$.results[1].status").value("duplicate"));
        assertThat(stored(crm.id())).isEqualTo(1);
    }

    @Test
    void oneInvalidEventRejectsTheWholeBatchNamingTheField() throws Exception {
        CreatedConnector crm = canonical();
        String bad = deposit(fixtures.unique("ev"), "C-4", AT).replace("\"100.50\"", "\"lots\"");
        mvc.perform(signed(crm.id(), crm.secret(), "[" + deposit(fixtures.unique("ev"), "C-4", AT) + "," + bad + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].data.amount"))
                .andExpect(jsonPath("$.detail", containsString("[1].data.amount")));
        assertThat(stored(crm.id())).isZero();
    }

    @Test
    void malformedJsonUnknownTypeMissingFieldsAndAnEmptyBodyAre400WithDetail() throws Exception {
        CreatedConnector crm = canonical();
        mvc.perform(signed(crm.id(), crm.secret(), "{\"id\": \"x\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail", containsString("not valid JSON")));
        mvc.perform(signed(crm.id(), crm.secret(), deposit("x-1", "C", AT).replace("deposit.completed", "deposit.done")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.detail", containsString("unknown event type")));
        mvc.perform(signed(crm.id(), crm.secret(), "{\"id\": \"x-2\", \"type\": \"deposit.completed\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'occurredAt')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'clientId')]").exists());
        mvc.perform(signed(crm.id(), crm.secret(), deposit("x-3", "C", AT).replace("\"C\"", "42")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        mvc.perform(signed(crm.id(), crm.secret(), ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(signed(crm.id(), crm.secret(), "[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        assertThat(stored(crm.id())).isZero();
    }

    @Test
    void missingBadAndStaleSignaturesAre401AndStoreNothing() throws Exception {
        CreatedConnector crm = canonical();
        String body = deposit(fixtures.unique("ev"), "C-5", AT);
        mvc.perform(post("/api/v1/ingest/" + crm.id()).contentType("application/json").content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("webhook-id")));
        CreatedConnector other = canonical();
        mvc.perform(signed(crm.id(), other.secret(), body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("no signature")));
        mvc.perform(signed(crm.id(), crm.secret(), body, Instant.now().minusSeconds(301).getEpochSecond()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("replay")));
        mvc.perform(signed(crm.id(), crm.secret(), body, Instant.now().plusSeconds(301).getEpochSecond()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/ingest/" + crm.id()).contentType("application/json").content(body)
                        .header("webhook-id", "msg_1").header("webhook-timestamp", Instant.now().getEpochSecond())
                        .header("webhook-signature", "v1,not-base64!"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("not base64")));
        // signed over other bytes than were sent
        mvc.perform(signed(crm.id(), crm.secret(), body).content(body.replace("100.50", "900.50")))
                .andExpect(status().isUnauthorized());
        mvc.perform(signed(crm.id(), crm.secret(), body, Instant.now().minusSeconds(290).getEpochSecond()))
                .andExpect(status().isAccepted());
        assertThat(stored(crm.id())).isEqualTo(1);
    }

    @Test
    void afterARotationBothSecretsVerifyUntilThePreviousIsDropped() throws Exception {
        CreatedConnector crm = canonical();
        RotatedSecret rotated = SystemActor.call(() -> connectors.rotateSecret(crm.id()));
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(crm.secret());

        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isAccepted());
        mvc.perform(signed(crm.id(), rotated.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isAccepted());

        SystemActor.run(() -> connectors.dropPreviousSecret(crm.id()));
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isUnauthorized());
        mvc.perform(signed(crm.id(), rotated.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isAccepted());

        RotatedSecret again = SystemActor.call(() -> connectors.rotateSecret(crm.id()));
        SystemActor.call(() -> connectors.rotateSecret(crm.id()));
        // a second rotation retires the secret before the previous one
        mvc.perform(signed(crm.id(), rotated.secret(), deposit(fixtures.unique("ev"), "C", AT)))
                .andExpect(status().isUnauthorized());
        mvc.perform(signed(crm.id(), again.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isAccepted());
    }

    @Test
    void anUnrelatedAuthorizationHeaderDoesNotStandInForTheSignature() throws Exception {
        CreatedConnector crm = canonical();
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT))
                        .header("Authorization", "Bearer crm-internal-token"))
                .andExpect(status().isAccepted());
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT))
                        .header("Authorization", "Basic bm9ib2R5Om5vdGhpbmc="))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/ingest/" + crm.id()).contentType("application/json")
                        .content(deposit(fixtures.unique("ev"), "C", AT)).with(as(fixtures.staff(Role.ADMIN))))
                .andExpect(status().isUnauthorized()); // a portal login is no signature
    }

    @Test
    void unknownIs404DisabledIs410() throws Exception {
        CreatedConnector crm = canonical();
        String body = deposit(fixtures.unique("ev"), "C", AT);
        mvc.perform(signed(Long.MAX_VALUE, crm.secret(), body)).andExpect(status().isNotFound());
        SystemActor.run(() -> connectors.change(crm.id(), new ConnectorChange(null, false, null)));
        mvc.perform(signed(crm.id(), crm.secret(), body))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail", containsString("disabled")));
        SystemActor.run(() -> connectors.change(crm.id(), new ConnectorChange(null, true, null)));
        mvc.perform(signed(crm.id(), crm.secret(), body)).andExpect(status().isAccepted());
    }

    @Test
    void aBodyOverTheConnectorsLimitIs413() throws Exception {
        CreatedConnector crm = canonical("{\"maxBodyBytes\": 1024}");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(deposit(fixtures.unique("ev"), "C", AT));
        }
        mvc.perform(signed(crm.id(), crm.secret(), "[" + String.join(",", events) + "]"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail", containsString("1024")));
        assertThat(stored(crm.id())).isZero();
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        CreatedConnector crm = canonical("{\"rateLimitPerSecond\": 1}");
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT))).andExpect(status().isAccepted());
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anAddressOutsideTheAllowListIs403() throws Exception {
        CreatedConnector crm = canonical("{\"ipAllowList\": [\"10.0.0.0/8\", \"192.168.1.7\"]}");
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT)).with(request -> {
            request.setRemoteAddr("10.200.3.4");
            return request;
        })).andExpect(status().isAccepted());
        mvc.perform(signed(crm.id(), crm.secret(), deposit(fixtures.unique("ev"), "C", AT)).with(request -> {
            request.setRemoteAddr("192.168.1.8");
            return request;
        })).andExpect(status().isForbidden());
    }

    @Test
    void theSameEventDeliveredTenTimesAtOnceIsStoredOnce() throws Exception {
        CreatedConnector crm = canonical();
        String id = fixtures.unique("ev");
        String body = deposit(id, "C-9", AT);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var request = signed(crm.id(), crm.secret(), body);
                Callable<Integer> deliver = () -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse().getStatus();
                };
                answers.add(pool.submit(deliver));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(202, 200);
            assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(crm.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_delivery WHERE connector_id = ?", Long.class, crm.id()))
                .isEqualTo(1);
    }

    @Test
    void anMt5ConnectorMapsDealsIntoInboxRows() throws Exception {
        JsonNode settings = JsonValues.mapper().readTree("""
                {"serverId": "mt5-live", "serverZone": "Europe/Athens", "accountCurrency": "USD"}""");
        CreatedConnector mt5 = Deliveries.webhook(connectors, fixtures.unique("mt5"), "mt5", settings);
        String body = Files.readString(Path.of("src/test/resources/fixtures/mt5/balance-and-ignored-deals.json"),
                StandardCharsets.UTF_8);

        mvc.perform(signed(mt5.id(), mt5.secret(), body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].id").value("mt5-live:11900001"))
                .andExpect(jsonPath("$.results[1].id").value("mt5-live:11900007"));

        InboxEventView deposit = SystemActor.call(() -> inbox.event(mt5.id(), "mt5-live:11900001"));
        assertThat(deposit.type()).isEqualTo("deposit.completed");
        assertThat(deposit.clientId()).isEqualTo("1020");
        assertThat(deposit.occurredAt()).isEqualTo(Instant.parse("2024-02-29T07:46:40Z"));
        String payload = jdbc.queryForObject("SELECT payload FROM inbox_event WHERE connector_id = ? AND event_id = ?",
                String.class, mt5.id(), "mt5-live:11900001");
        assertThat(JsonValues.mapper().readTree(payload).at("/data/amount").stringValue()).isEqualTo("500.00");
        assertThat(SystemActor.call(() -> inbox.rawDelivery(mt5.id(), "mt5-live:11900007")).body()).isEqualTo(body);

        mvc.perform(signed(mt5.id(), mt5.secret(), body.replace("\"Profit\":\"500.00\"", "\"Profit\":\"lots\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("Profit")));
    }
}
