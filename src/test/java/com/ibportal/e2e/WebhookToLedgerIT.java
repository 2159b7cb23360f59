package com.ibportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The whole path over real HTTP with the inbox workers running: a CRM posts signed events for a
 * client of a 3-level tree on hybrid plans; the ledger pays every level; KYC DUPLICATE reverses
 * them all and the summaries net to zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.ingestion.workers-enabled=true"})
@Import(Fixtures.class)
class WebhookToLedgerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    private PortalUser admin;

    @Test
    void registrationKycDepositAndTradesPayThreeLevelsAndDuplicateKycReversesThemAll() throws Exception {
        admin = fixtures.staff(Role.ADMIN);
        String g = fixtures.unique("G");
        String m = fixtures.unique("M");
        String s = fixtures.unique("S");
        fixtures.partner(g, null);
        fixtures.partner(m, g);
        fixtures.partner(s, m);
        String groups = "\"symbolGroups\":[{\"name\":\"FX\",\"symbols\":[\"EURUSD\",\"GBPUSD\"]}]";
        plan(g, "{\"name\":\"G\",\"payoutCurrency\":\"USD\"," + groups + ",\"rules\":[{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"10.00\"}},"
                + "{\"kind\":\"OVERRIDE\",\"mode\":\"RATE_DIFFERENCE\"},{\"kind\":\"OVERRIDE\",\"mode\":\"PERCENT_OF_DOWNLINE\",\"percents\":[\"10\",\"5\"]}]}");
        plan(m, "{\"name\":\"M\",\"payoutCurrency\":\"USD\"," + groups + ",\"rules\":[{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"8.00\"}},"
                + "{\"kind\":\"OVERRIDE\",\"mode\":\"RATE_DIFFERENCE\"},{\"kind\":\"OVERRIDE\",\"mode\":\"PERCENT_OF_DOWNLINE\",\"percents\":[\"10\",\"5\"]}]}");
        plan(s, "{\"name\":\"S\",\"payoutCurrency\":\"USD\"," + groups + ",\"rules\":[{\"kind\":\"CPA\",\"amount\":\"100.00\",\"minDeposit\":\"100\"},"
                + "{\"kind\":\"PER_LOT\",\"rates\":{\"FX\":\"5.00\"}},{\"kind\":\"SPREAD_SHARE\",\"percent\":\"20\"}]}");

        JsonNode connector = tree(call("POST", "/api/v1/connectors",
                "{\"name\":\"" + fixtures.unique("crm") + "\",\"kind\":\"WEBHOOK\",\"format\":\"canonical\"}", 201));
        long connectorId = connector.get("id").asLong();
        WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(connector.get("secret").asString()));

        String client = fixtures.unique("C");
        List<String> ids = new ArrayList<>();
        String registered = event(ids, client, "client.registered", "2026-10-01T09:00:00Z",
                "{\"referralCode\":\"" + s + "\",\"email\":\"" + client.toLowerCase() + "@client.test\",\"country\":\"ES\"}");
        String approved = event(ids, client, "client.kyc_changed", "2026-10-01T10:00:00Z", "{\"status\":\"APPROVED\"}");
        String ftd = event(ids, client, "deposit.completed", "2026-10-01T11:00:00Z",
                "{\"transactionId\":\"T-1\",\"amount\":\"250.00\",\"currency\":\"USD\"}");
        String trade = event(ids, client, "trade.closed", "2026-10-02T12:00:00Z",
                "{\"dealId\":\"D-1\",\"accountLogin\":\"5001\",\"platform\":\"MT5\",\"symbol\":\"EURUSD\",\"lots\":\"2.00\","
                        + "\"openedAt\":\"2026-10-02T11:00:00Z\",\"closedAt\":\"2026-10-02T12:00:00Z\",\"spreadRevenue\":\"6.00\",\"currency\":\"USD\"}");
        // The trade is sent first: it waits for its client, then everything is applied.
        assertThat(post(signer, connectorId, "[" + trade + "]").statusCode()).isEqualTo(202);
        HttpResponse<String> batch = post(signer, connectorId, "[" + registered + "," + approved + "," + ftd + "]");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        assertThat(post(signer, connectorId, "[" + registered + "]").statusCode()).as("a redelivery").isEqualTo(200);
        awaitProcessed(connectorId, ids);

        assertThat(lines(s)).containsExactlyInAnyOrder("0 CPA 100.0000 PAYABLE", "0 PER_LOT 10.0000 PAYABLE",
                "0 SPREAD_SHARE 1.2000 PAYABLE");
        assertThat(lines(m)).containsExactlyInAnyOrder("1 OVERRIDE 6.0000 PAYABLE", "1 OVERRIDE 1.1200 PAYABLE");
        assertThat(lines(g)).containsExactlyInAnyOrder("2 OVERRIDE 4.0000 PAYABLE", "2 OVERRIDE 0.5600 PAYABLE");
        assertThat(tree(call("GET", "/api/v1/partners/" + s + "/summary?from=2026-10-01&to=2026-10-31", null, 200))
                .get("commission").get("total").asString()).isEqualTo("111.2000");

        List<String> more = new ArrayList<>();
        String duplicate = event(more, client, "client.kyc_changed", "2026-10-20T08:00:00Z", "{\"status\":\"DUPLICATE\"}");
        assertThat(post(signer, connectorId, duplicate).statusCode()).isEqualTo(202);
        awaitProcessed(connectorId, more);

        for (String partner : List.of(s, m, g)) {
            JsonNode summary = tree(call("GET", "/api/v1/partners/" + partner + "/summary?from=2026-10-01&to=2026-10-31", null, 200));
            assertThat(summary.get("commission").get("total").asString()).as(partner).isEqualTo("0.0000");
        }
        assertThat(lines(m)).containsExactlyInAnyOrder("1 OVERRIDE 6.0000 PAYABLE", "1 OVERRIDE 1.1200 PAYABLE",
                "1 OVERRIDE -6.0000 PAYABLE", "1 OVERRIDE -1.1200 PAYABLE");
        JsonNode summary = tree(call("GET", "/api/v1/partners/" + s + "/summary?from=2026-10-01&to=2026-10-31", null, 200));
        assertThat(summary.get("registrations").asLong()).isEqualTo(1);
        assertThat(summary.get("ftds").asLong()).isEqualTo(1);
        assertThat(summary.get("ftdAmount").asString()).isEqualTo("250.0000");
        assertThat(summary.get("lots").asString()).isEqualTo("2.00");
    }

    private void plan(String partner, String planJson) throws Exception {
        String code = fixtures.unique("PLAN");
        call("PUT", "/api/v1/plans/" + code, planJson, 201);
        call("PUT", "/api/v1/partners/" + partner + "/plan", "{\"planCode\":\"" + code + "\"}", 200);
    }

    private static String event(List<String> ids, String client, String type, String at, String data) {
        String id = "evt_" + UUID.randomUUID();
        ids.add(id);
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\",\"clientId\":\"" + client
                + "\",\"data\":" + data + "}";
    }

    private HttpResponse<String> post(WebhookSigner signer, long connectorId, String body) throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/" + connectorId))
                .header("content-type", "application/json").header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(messageId, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitProcessed(long connectorId, List<String> ids) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        for (String id : ids) {
            String status;
            do {
                status = tree(call("GET", "/api/v1/connectors/" + connectorId + "/events/" + id, null, 200)).get("status").asString();
                if (!"PROCESSED".equals(status)) {
                    assertThat(status).as(id).isIn("RECEIVED", "PARKED");
                    assertThat(Instant.now()).as("event %s still %s", id, status).isBefore(deadline);
                    Thread.sleep(100);
                }
            } while (!"PROCESSED".equals(status));
        }
    }

    private List<String> lines(String partner) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : tree(call("GET", "/api/v1/partners/" + partner + "/ledger?from=2026-10-01&to=2026-10-31", null, 200))
                .get("lines")) {
            lines.add(line.get("level").asInt() + " " + line.get("rule").asString() + " " + line.get("amount").asString() + " "
                    + line.get("status").asString());
        }
        return lines;
    }

    private String call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (admin.email() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static JsonNode tree(String json) {
        return JsonValues.mapper().readTree(json);
    }
}
