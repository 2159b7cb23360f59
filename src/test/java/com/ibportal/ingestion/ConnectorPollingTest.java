package com.ibportal.ingestion;

import static com.ibportal.Fixtures.as;
import static com.ibportal.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Polling connectors against a real local HTTP server serving paged canonical records ({@code ?cursor=<seq>&limit=n},
 * records after the cursor, oldest first, wrapped in {@code {"data": [...]}}).
 */
@PortalIntegrationTest
class ConnectorPollingTest {

    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectorPoller poller;
    @Autowired
    ConnectorCursors cursors;

    PortalUser admin;
    LocalHttpServer source;
    String prefix;
    final List<Integer> records = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile long delayMillis;

    @BeforeEach
    void setUp() throws Exception {
        admin = fixtures.staff(Role.ADMIN);
        prefix = fixtures.unique("E");
        source = new LocalHttpServer(request -> {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return LocalHttpServer.Answer.of(503, "{\"error\": \"maintenance\"}");
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> query = query(request.query());
            int after = query.getOrDefault("cursor", "").isEmpty() ? 0 : Integer.parseInt(query.get("cursor"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            List<String> page = new ArrayList<>();
            records.stream().filter(seq -> seq > after).sorted().limit(limit).forEach(seq -> page.add(record(seq)));
            return LocalHttpServer.Answer.of(200, "{\"data\": [" + String.join(",", page) + "]}");
        });
    }

    @AfterEach
    void tearDown() {
        source.close();
    }

    private String record(int seq) {
        return """
                {"id": "%s-%d", "seq": %d, "type": "client.registered", "occurredAt": "%s", "clientId": "%s-C%d",
                 "data": {"country": "DE"}}""".formatted(prefix, seq, seq, T0.plusSeconds(seq * 60L), prefix, seq);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                values.put(pair.substring(0, at), URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private long createPolling(String auth) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "POLLING", "format": "canonical",
                         "settings": {"polling": {"url": "%s", "pageSize": 2, "intervalSeconds": 60,
                                                  "cursorField": "/seq", "recordsPointer": "/data"%s}}}"""
                        .formatted(fixtures.unique("POLL"), source.url("/events?limit={pageSize}"),
                                auth == null ? "" : ", \"auth\": " + auth)).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        return JsonValues.mapper().readTree(answer).get("id").longValue();
    }

    private long stored(long connectorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ?", Long.class, connectorId);
    }

    private String cursor(long connectorId) {
        return jdbc.queryForObject("SELECT cursor_value FROM connector_cursor WHERE connector_id = ?", String.class, connectorId);
    }

    @Test
    void firstPollStoresEverythingTheSecondOnlyWhatIsNewAndTheCursorIsKept() throws Exception {
        records.addAll(List.of(1, 2, 3, 4, 5));
        long id = createPolling(null);

        PollReport first = poller.poll(id);
        assertThat(first.error()).isNull();
        assertThat(first.stored()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(stored(id)).isEqualTo(5);
        assertThat(cursor(id)).isEqualTo("5");
        assertThat(source.received).extracting(LocalHttpServer.Received::uri)
                .containsExactly("/events?limit=2", "/events?limit=2&cursor=2", "/events?limit=2&cursor=4");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_delivery WHERE connector_id = ?", Long.class, id))
                .as("each page kept raw").isEqualTo(3);

        records.addAll(List.of(6, 7));
        source.received.clear();
        PollReport second = poller.poll(id);
        assertThat(second.stored()).isEqualTo(2);
        assertThat(stored(id)).isEqualTo(7);
        assertThat(cursor(id)).isEqualTo("7");
        assertThat(source.received.getFirst().uri()).isEqualTo("/events?limit=2&cursor=5");

        // nothing new: one request, nothing stored, and the lag is that of a poll that just reached the end
        assertThat(poller.poll(id).stored()).isZero();
        mvc.perform(get("/api/v1/connectors/health").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.connectorId == " + id + ")].pollingLagSeconds").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.lessThanOrEqualTo(5))))
                .andExpect(jsonPath("$[?(@.connectorId == " + id + ")].newestPolledEventAt")
                        .value(org.hamcrest.Matchers.contains(T0.plusSeconds(7 * 60).toString())));
    }

    @Test
    void anHttpErrorBacksOffAndLeavesTheCursor() throws Exception {
        records.addAll(List.of(1, 2, 3));
        long id = createPolling(null);
        poller.poll(id);
        assertThat(cursor(id)).isEqualTo("3");
        records.addAll(List.of(4, 5));

        failNext.set(1);
        Instant before = Instant.now();
        PollReport failed = poller.poll(id);
        assertThat(failed.error()).isEqualTo("HTTP 503 from 127.0.0.1");
        assertThat(cursor(id)).isEqualTo("3");
        assertThat(stored(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT consecutive_failures FROM connector_cursor WHERE connector_id = ?",
                Integer.class, id)).isEqualTo(1);
        Instant next = jdbc.queryForObject("SELECT next_poll_at FROM connector_cursor WHERE connector_id = ?",
                LocalDateTime.class, id).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(before, next).toSeconds()).isBetween(59L, 62L);
        assertThat(cursors.due(Instant.now())).as("not due during its backoff").doesNotContain(id);
        assertThat(cursors.due(Instant.now().plusSeconds(65))).contains(id);

        failNext.set(1);
        poller.poll(id);
        next = jdbc.queryForObject("SELECT next_poll_at FROM connector_cursor WHERE connector_id = ?",
                LocalDateTime.class, id).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(before, next).toSeconds()).as("doubled").isBetween(119L, 123L);
        mvc.perform(get("/api/v1/connectors/health").with(as(admin)))
                .andExpect(jsonPath("$[?(@.connectorId == " + id + ")].pollingError").value(org.hamcrest.Matchers.contains("HTTP 503 from 127.0.0.1")))
                .andExpect(jsonPath("$[?(@.connectorId == " + id + ")].pollingFailures").value(org.hamcrest.Matchers.contains(2)));

        mvc.perform(post("/api/v1/connectors/{id}/poll", id).with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2));
        assertThat(cursor(id)).isEqualTo("5");
        assertThat(jdbc.queryForObject("SELECT consecutive_failures FROM connector_cursor WHERE connector_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void basicBearerAndHeaderCredentialsAreSentStoredEncryptedAndNeverShown() throws Exception {
        records.add(1);
        long basic = createPolling("{\"type\": \"basic\", \"username\": \"portal\", \"password\": \"s3cret-basic\"}");
        long bearer = createPolling("{\"type\": \"bearer\", \"token\": \"tok-bearer-123\"}");
        long header = createPolling("{\"type\": \"header\", \"name\": \"X-Api-Key\", \"value\": \"key-header-456\"}");

        poller.poll(basic);
        assertThat(source.received.getLast().headers().get("authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("portal:s3cret-basic".getBytes(StandardCharsets.UTF_8)));
        poller.poll(bearer);
        assertThat(source.received.getLast().headers().get("authorization")).isEqualTo("Bearer tok-bearer-123");
        poller.poll(header);
        assertThat(source.received.getLast().headers().get("x-api-key")).isEqualTo("key-header-456");

        mvc.perform(get("/api/v1/connectors/{id}", bearer).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.polling.auth.type").value("bearer"))
                .andExpect(content().string(not(containsString("tok-bearer-123"))));
        assertThat(jdbc.queryForObject("SELECT secret_current FROM connector WHERE id = ?", String.class, bearer))
                .startsWith("v1:").doesNotContain("tok-bearer-123");
        assertThat(jdbc.queryForObject("SELECT settings FROM connector WHERE id = ?", String.class, bearer))
                .doesNotContain("tok-bearer-123");

        // settings changed without the token keep it; a new token replaces it
        mvc.perform(json(patch("/api/v1/connectors/{id}", bearer), """
                        {"settings": {"polling": {"url": "%s", "pageSize": 5, "cursorField": "/seq", "recordsPointer": "/data",
                                                  "auth": {"type": "bearer"}}}}""".formatted(source.url("/events"))).with(as(admin)))
                .andExpect(status().isOk());
        poller.poll(bearer);
        assertThat(source.received.getLast().headers().get("authorization")).isEqualTo("Bearer tok-bearer-123");
        mvc.perform(json(patch("/api/v1/connectors/{id}", bearer), """
                        {"settings": {"polling": {"url": "%s", "cursorField": "/seq", "recordsPointer": "/data",
                                                  "auth": {"type": "bearer", "token": "tok-new"}}}}""".formatted(source.url("/events"))).with(as(admin)))
                .andExpect(status().isOk());
        poller.poll(bearer);
        assertThat(source.received.getLast().headers().get("authorization")).isEqualTo("Bearer tok-new");

        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "POLLING", "format": "canonical",
                         "settings": {"polling": {"url": "https://crm.test/x", "cursorField": "/id", "auth": {"type": "bearer"}}}}"""
                        .formatted(fixtures.unique("POLL"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settings.polling.auth.token"));
        mvc.perform(json(post("/api/v1/connectors"), """
                        {"name": "%s", "kind": "POLLING", "format": "canonical", "settings": {}}"""
                        .formatted(fixtures.unique("POLL"))).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("settings.polling"));
    }

    @Test
    void twoPollersAtOnceNeverFetchTheSamePage() throws Exception {
        for (int seq = 1; seq <= 9; seq++) {
            records.add(seq);
        }
        long id = createPolling(null);
        delayMillis = 150;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PollReport>> reports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reports.add(threads.submit(() -> {
                    start.await();
                    return poller.poll(id);
                }));
            }
            start.countDown();
            int storedTotal = 0;
            for (Future<PollReport> report : reports) {
                PollReport done = report.get();
                assertThat(done.error()).isNull();
                storedTotal += done.stored();
            }
            assertThat(storedTotal).isEqualTo(9);
        } finally {
            threads.shutdownNow();
        }
        List<String> uris = source.received.stream().map(LocalHttpServer.Received::uri).toList();
        assertThat(uris).doesNotHaveDuplicates();
        assertThat(stored(id)).isEqualTo(9);
        assertThat(cursor(id)).isEqualTo("9");
    }

    @Test
    void mt5DealsArePolledAndMappedWithTheConnectorsFormat() throws Exception {
        String server = fixtures.unique("mt5p").replace(":", "");
        LocalHttpServer mt5 = new LocalHttpServer(request -> LocalHttpServer.Answer.of(200, !request.query().equals("from=")
                ? "{\"answer\": []}"
                : """
                {"answer": [
                  {"Login": "1020", "Registration": "1709546000", "LeadSource": "IB-9", "Email": "a@b.test"},
                  {"Deal": "11918650", "Login": "1020", "PositionID": "2230031", "Action": "2", "Entry": "0",
                   "Symbol": "", "Volume": "0", "Profit": "500.00", "Time": "1709546122", "TimeMsc": "1709546122417"}]}"""));
        try {
            String answer = mvc.perform(json(post("/api/v1/connectors"), """
                            {"name": "%s", "kind": "POLLING", "format": "mt5",
                             "settings": {"serverId": "%s", "serverZone": "UTC", "accountCurrency": "USD",
                                          "polling": {"url": "%s", "cursorField": "/TimeMsc", "recordsPointer": "/answer"}}}"""
                            .formatted(fixtures.unique("MT5P"), server, mt5.url("/api/deal/get_page?from={since}"))).with(as(admin)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long id = JsonValues.mapper().readTree(answer).get("id").longValue();
            // the user record has no TimeMsc: the cursor is the last record's, the deal's
            PollReport report = poller.poll(id);
            assertThat(report.error()).isNull();
            assertThat(report.stored()).isEqualTo(2);
            assertThat(jdbc.queryForList("SELECT event_id FROM inbox_event WHERE connector_id = ? ORDER BY event_id",
                    String.class, id)).containsExactly(server + ":11918650", server + ":user:1020");
            assertThat(cursor(id)).isEqualTo("1709546122417");
            assertThat(mt5.received.getFirst().uri()).isEqualTo("/api/deal/get_page?from=");
        } finally {
            mt5.close();
        }
    }
}
