package com.ibportal.bench;

import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.webhook.WebhookSecret;
import com.ibportal.ingestion.webhook.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end ingestion benchmark against a running portal (issue 4): posts signed trade events in
 * batches of 100 for the clients of a 3-level tree on a per-lot plan with overrides, reports events/s
 * accepted and fully processed, p50/p99 accept latency of single events at a fixed rate, and the raw
 * MariaDB batch-insert rate of a trade-shaped row on the same database, for the ratio.
 *
 * <pre>
 * ./mvnw -q -Pbench compile exec:exec -Dbench.main=com.ibportal.bench.IngestBenchmark \
 *   -Dbench.args="http://localhost:8080 admin@ibportal.test admin-demo-2026 20000 jdbc:mariadb://127.0.0.1:3306/ibportal"
 * </pre>
 * Arguments: portal URL, admin email, admin password, number of trade events, and optionally a JDBC URL
 * (user root, no password) for the raw insert figure.
 */
public final class IngestBenchmark {

    private static final int BATCH = 100;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;

    private IngestBenchmark(String base, String email, String password) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        String[] a = args.length == 1 ? args[0].trim().split("\\s+") : args;
        if (a.length < 4) {
            System.err.println("usage: IngestBenchmark <portal url> <admin email> <admin password> <events> [jdbc url]");
            System.exit(2);
        }
        IngestBenchmark bench = new IngestBenchmark(a[0], a[1], a[2]);
        bench.run(Integer.parseInt(a[3]), a.length > 4 ? a[4] : null);
    }

    private void run(int events, String jdbcUrl) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String plan = "BENCH-" + run;
        call("PUT", "/api/v1/plans/" + plan, """
                {"name":"Bench","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EURUSD"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"10.00"}},{"kind":"OVERRIDE","mode":"RATE_DIFFERENCE"}]}""");
        String master = "BM-" + run;
        String sub = "BS-" + run;
        String leaf = "BL-" + run;
        call("POST", "/api/v1/partners", partner(master, null, plan));
        call("POST", "/api/v1/partners", partner(sub, master, plan));
        call("POST", "/api/v1/partners", partner(leaf, sub, plan));
        JsonNode connector = JsonValues.mapper().readTree(call("POST", "/api/v1/connectors",
                "{\"name\":\"bench-" + run + "\",\"kind\":\"WEBHOOK\",\"format\":\"canonical\",\"settings\":{\"rateLimitPerSecond\":100000}}"));
        long id = connector.get("id").asLong();
        WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(connector.get("secret").asString()));

        int clients = 200;
        List<String> registrations = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            registrations.add(event("r-" + run + "-" + c, "client.registered", "2026-10-01T00:00:00Z", "C-" + run + "-" + c,
                    "{\"referralCode\":\"" + leaf + "\"}"));
        }
        for (int i = 0; i < clients; i += BATCH) {
            post(signer, id, "[" + String.join(",", registrations.subList(i, Math.min(clients, i + BATCH))) + "]");
        }

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < events; i += BATCH) {
            List<String> batch = new ArrayList<>();
            for (int e = i; e < Math.min(events, i + BATCH); e++) {
                Instant closed = Instant.parse("2026-10-02T00:00:00Z").plusSeconds(e);
                batch.add(event("t-" + run + "-" + e, "trade.closed", closed.toString(), "C-" + run + "-" + (e % clients),
                        "{\"dealId\":\"" + e + "\",\"accountLogin\":\"1\",\"platform\":\"MT5\",\"symbol\":\"EURUSD\",\"lots\":\"1.00\","
                                + "\"openedAt\":\"" + closed.minusSeconds(120) + "\",\"closedAt\":\"" + closed + "\",\"currency\":\"USD\"}"));
            }
            bodies.add("[" + String.join(",", batch) + "]");
        }
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sent = new ArrayList<>();
        for (String body : bodies) {
            sent.add(senders.submit(() -> post(signer, id, body)));
        }
        for (Future<Integer> status : sent) {
            if (status.get() != 202) {
                throw new IllegalStateException("a batch was answered " + status.get());
            }
        }
        double acceptSeconds = (System.nanoTime() - started) / 1e9;
        long expectedLots = events;
        double processedSeconds;
        while (true) {
            JsonNode summary = JsonValues.mapper().readTree(call("GET", "/api/v1/partners/" + leaf + "/summary?from=2026-10-01&to=2026-10-31", null));
            if (new java.math.BigDecimal(summary.get("lots").asString()).longValue() >= expectedLots) {
                processedSeconds = (System.nanoTime() - started) / 1e9;
                break;
            }
            Thread.sleep(200);
        }
        senders.shutdown();
        System.out.printf("%,d trade events in batches of %d: accepted %.0f events/s (%.1f s), fully processed %.0f events/s (%.1f s)%n",
                events, BATCH, events / acceptSeconds, acceptSeconds, events / processedSeconds, processedSeconds);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long singleStart = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            long due = singleStart + i * 5_000_000L; // 200 events/s
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Instant closed = Instant.parse("2026-10-20T00:00:00Z").plusSeconds(i);
            String single = event("s-" + run + "-" + i, "trade.closed", closed.toString(), "C-" + run + "-" + (i % clients),
                    "{\"dealId\":\"s" + i + "\",\"accountLogin\":\"1\",\"platform\":\"MT5\",\"symbol\":\"EURUSD\",\"lots\":\"1.00\","
                            + "\"openedAt\":\"" + closed.minusSeconds(120) + "\",\"closedAt\":\"" + closed + "\",\"currency\":\"USD\"}");
            long t0 = System.nanoTime();
            post(signer, id, single);
            latencies.add(System.nanoTime() - t0);
        }
        Collections.sort(latencies);
        System.out.printf("single events at 200/s: accept latency p50 %.1f ms, p99 %.1f ms%n",
                latencies.get(latencies.size() / 2) / 1e6, latencies.get(latencies.size() * 99 / 100) / 1e6);

        if (jdbcUrl != null) {
            System.out.printf("raw MariaDB JDBC batch insert of a trade-shaped row: %.0f rows/s%n", rawInsertRate(jdbcUrl));
        }
    }

    private static double rawInsertRate(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true", "root", "")) {
            c.createStatement().execute("""
                    CREATE TEMPORARY TABLE bench_trade (id BIGINT AUTO_INCREMENT PRIMARY KEY, event_id VARCHAR(200),
                      client_id VARCHAR(100), symbol VARCHAR(32), lots DECIMAL(30,10), closed_at DATETIME(6), amount DECIMAL(19,4))""");
            c.setAutoCommit(false);
            int rows = 200_000;
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_trade (event_id, client_id, symbol, lots, closed_at, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, "evt-" + i);
                    ps.setString(2, "C-" + (i % 1000));
                    ps.setString(3, "EURUSD");
                    ps.setBigDecimal(4, java.math.BigDecimal.ONE);
                    ps.setObject(5, java.time.LocalDateTime.now());
                    ps.setBigDecimal(6, java.math.BigDecimal.TEN);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static String partner(String code, String parent, String plan) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"email\":\"" + code.toLowerCase() + "@bench.test\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + ",\"planCode\":\"" + plan + "\"}";
    }

    private static String event(String id, String type, String at, String client, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\",\"clientId\":\"" + client
                + "\",\"data\":" + data + "}";
    }

    private int post(WebhookSigner signer, long connectorId, String body) throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/" + connectorId))
                .header("content-type", "application/json").header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(messageId, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("authorization", auth).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
