package com.ibportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of ingesting and processing 10,000 events, then a restart: every event the
 * sender got a 2xx for is processed exactly once. The portal runs as its own process (the packaged
 * jar) on the MariaDB server at 127.0.0.1:3306, in a database of its own; the sender, like a real
 * CRM, resends what was not acknowledged. The ledger proves exactly-once: one 1.00 USD line per trade.
 */
class CrashRecoveryIT {

    private static final int BATCHES = 100;
    private static final int BATCH_SIZE = 100;
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String ADMIN = "crash-admin@ibportal.test";
    private static final String PASSWORD = "crash-test-password-2026";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String secretsKey = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32)
            .getBytes(StandardCharsets.US_ASCII));
    private Process portal;
    private int port;
    private String database;

    @AfterEach
    void stopPortalAndDropItsDatabase() throws Exception {
        if (portal != null) {
            portal.destroyForcibly().waitFor();
        }
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void everyAcknowledgedEventIsProcessedExactlyOnceAfterAKillDashNine() throws Exception {
        // It needs the server, and takes about three minutes: it runs in the server pass (-Pmariadb-server).
        assumeTrue("false".equals(System.getProperty("portal.database.embedded")), "runs with -Pmariadb-server");
        assumeTrue(serverReachable(), "needs the MariaDB server at 127.0.0.1:3306");
        Path jar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().matches("ib-portal-.*\\.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("run through `mvn verify`: the packaged jar is needed"));
        database = "ibportal_crash_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "")) {
            connection.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        port = freePort();
        start(jar);

        String partner = "CRASH-IB";
        call("PUT", "/api/v1/plans/CRASH-PLAN", """
                {"name":"Crash","payoutCurrency":"USD","symbolGroups":[{"name":"ALL","symbols":["*"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"ALL":"1.00"}}]}""", 201);
        call("POST", "/api/v1/partners", """
                {"code":"%s","name":"Crash IB","email":"crash-ib@ibportal.test","planCode":"CRASH-PLAN"}""".formatted(partner), 201);
        JsonNode connector = JsonValues.mapper().readTree(call("POST", "/api/v1/connectors",
                "{\"name\":\"crash-crm\",\"kind\":\"WEBHOOK\",\"format\":\"canonical\"}", 201));
        long connectorId = connector.get("id").asLong();
        WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(connector.get("secret").asString()));

        List<String> batches = batches(partner);
        List<Integer> unacknowledged = new ArrayList<>();
        int killAfter = BATCHES / 2 + ThreadLocalRandom.current().nextInt(BATCHES / 4);
        for (int i = 0; i < BATCHES; i++) {
            if (i == killAfter) {
                portal.destroyForcibly().waitFor();  // SIGKILL: no shutdown hooks, workers mid-batch
            }
            if (!acknowledged(signer, connectorId, batches.get(i))) {
                unacknowledged.add(i);
            }
        }
        assertThat(unacknowledged).as("batches sent while the portal was down").isNotEmpty();

        start(jar);
        for (int i : unacknowledged) {
            assertThat(acknowledged(signer, connectorId, batches.get(i))).as("batch %d after the restart", i).isTrue();
        }
        for (int i = 0; i < killAfter; i++) {
            // A resend of what was acknowledged before the crash changes nothing: all duplicates.
            assertThat(post(signer, connectorId, batches.get(i)).statusCode()).isEqualTo(200);
            if (i == 2) {
                break;
            }
        }

        int trades = BATCHES * BATCH_SIZE - 1;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode summary;
        do {
            Thread.sleep(1000);
            summary = JsonValues.mapper().readTree(call("GET", "/api/v1/partners/" + partner
                    + "/summary?from=2026-01-01&to=2026-12-31", null, 200));
        } while (new java.math.BigDecimal(summary.get("lots").asString()).intValue() < trades && Instant.now().isBefore(deadline));

        assertThat(summary.get("lots").asString()).isEqualTo(trades + ".00");
        assertThat(summary.get("commission").get("total").asString()).isEqualTo(trades + ".0000");
        try (Connection connection = DriverManager.getConnection(SERVER + database, "root", "")) {
            var rs = connection.createStatement().executeQuery(
                    "SELECT status, COUNT(*) FROM inbox_event GROUP BY status ORDER BY status");
            List<String> statuses = new ArrayList<>();
            while (rs.next()) {
                statuses.add(rs.getString(1) + "=" + rs.getLong(2));
            }
            assertThat(statuses).containsExactly("PROCESSED=" + (BATCHES * BATCH_SIZE));
            var lines = connection.createStatement().executeQuery(
                    "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM ledger_line");
            lines.next();
            assertThat(lines.getLong(1)).as("one line per trade, none doubled").isEqualTo(trades);
            assertThat(lines.getLong(2)).isEqualTo(trades);
        }
    }

    /** One registration, then 9,999 trades of 1.00 lot, in batches of 100 events. */
    private static List<String> batches(String partner) {
        List<String> batches = new ArrayList<>();
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        int n = 0;
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder batch = new StringBuilder("[");
            for (int e = 0; e < BATCH_SIZE; e++, n++) {
                if (e > 0) {
                    batch.append(',');
                }
                if (n == 0) {
                    batch.append("""
                            {"id":"reg","type":"client.registered","occurredAt":"%s","clientId":"CRASH-C","data":{"referralCode":"%s"}}"""
                            .formatted(base, partner));
                } else {
                    Instant closed = base.plusSeconds(60L * n);
                    batch.append("""
                            {"id":"t%d","type":"trade.closed","occurredAt":"%s","clientId":"CRASH-C","data":{"dealId":"%d",\
                            "accountLogin":"1","platform":"MT5","symbol":"EURUSD","lots":"1.00","openedAt":"%s",\
                            "closedAt":"%s","currency":"USD"}}""".formatted(n, closed, n, closed.minusSeconds(30), closed));
                }
            }
            batches.add(batch.append(']').toString());
        }
        return batches;
    }

    private void start(Path jar) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx768m", "-jar",
                jar.toString(), "--server.port=" + port, "--portal.ingestion.workers=2");
        builder.environment().put("SPRING_PROFILES_ACTIVE", "mariadb");
        builder.environment().put("SPRING_DATASOURCE_URL", SERVER + database);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "root");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        builder.environment().put("PORTAL_ADMIN_EMAIL", ADMIN);
        builder.environment().put("PORTAL_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("PORTAL_SECRETS_KEY", secretsKey);
        builder.environment().put("PORTAL_DEMO_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(new File("target/crash-recovery-portal.log"));
        portal = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            assertThat(portal.isAlive()).as("the portal process (see target/crash-recovery-portal.log)").isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("the portal did not start within 3 minutes");
    }

    private boolean acknowledged(WebhookSigner signer, long connectorId, String body) {
        try {
            int status = post(signer, connectorId, body).statusCode();
            return status == 200 || status == 202;
        } catch (Exception down) {
            return false;
        }
    }

    private HttpResponse<String> post(WebhookSigner signer, long connectorId, String body) throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/ingest/" + connectorId)))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(messageId, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String call(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static boolean serverReachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER, "root", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
