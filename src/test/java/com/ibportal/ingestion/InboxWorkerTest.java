package com.ibportal.ingestion;

import static com.ibportal.ingestion.Deliveries.deposit;
import static com.ibportal.ingestion.Deliveries.registered;
import static com.ibportal.ingestion.Deliveries.signed;
import static com.ibportal.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.ibportal.shared.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker built by hand around a test handler (a handler bean would be picked up by every test context), on the
 * real database and transaction manager. The handler writes a row per application into its own table, so "applied
 * exactly once in effect" and "rolled back" are checked in the database, not in memory.
 */
@PortalIntegrationTest
class InboxWorkerTest {

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
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void effectTable(@Autowired JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_inbox_effect (event_id VARCHAR(200) NOT NULL PRIMARY KEY, "
                + "actor VARCHAR(50) NOT NULL)");
    }

    /** A handler whose outcome per event id is chosen by the test; it records what it saw, in order. */
    final class TestHandler implements IngestedEventHandler {
        final List<String> applied = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Function<CanonicalEvent, EventOutcome> behaviour;

        TestHandler(Function<CanonicalEvent, EventOutcome> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public EventOutcome apply(CanonicalEvent event, long connectorId) {
            calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            // the effect, inside the worker's transaction; a second application would break the primary key
            jdbc.update("INSERT INTO test_inbox_effect (event_id, actor) VALUES (?, ?)", event.id(),
                    SecurityContextHolder.getContext().getAuthentication().getName());
            EventOutcome outcome = behaviour.apply(event);
            applied.add(event.id());
            return outcome;
        }
    }

    private InboxWorker worker(TestHandler handler, long connectorId, int maxAttempts) {
        IngestionProperties properties = new IngestionProperties(1, true, 100, maxAttempts, Duration.ZERO,
                Duration.ZERO, Duration.ofMillis(50));
        return new InboxWorker(new InboxStore(new JdbcTemplate(dataSource)), transactionManager, () -> handler,
                Clock.systemUTC(), properties, connectorId);
    }

    private CreatedConnector connector() {
        return Deliveries.webhook(connectors, fixtures.unique("crm"), "canonical", JsonValues.mapper().readTree("{}"));
    }

    private void deliver(CreatedConnector connector, String... events) throws Exception {
        mvc.perform(signed(connector.id(), connector.secret(), "[" + String.join(",", events) + "]"))
                .andExpect(status().isAccepted());
    }

    private InboxEventView event(CreatedConnector connector, String id) {
        return SystemActor.call(() -> inbox.event(connector.id(), id));
    }

    private boolean hasEffect(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM test_inbox_effect WHERE event_id = ?", Long.class, id) == 1;
    }

    @Test
    void marksEventsProcessedParkedOrFailedAsTheHandlerSaysAsTheSystemActor() throws Exception {
        CreatedConnector crm = connector();
        String ok = fixtures.unique("ev");
        String waits = fixtures.unique("ev");
        String bad = fixtures.unique("ev");
        String client = fixtures.unique("C");
        deliver(crm, deposit(ok, client, AT), deposit(waits, client, "2026-10-01T09:01:00Z"), deposit(bad, client, "2026-10-01T09:02:00Z"));
        TestHandler handler = new TestHandler(event -> event.id().equals(waits)
                ? EventOutcome.parked("client:" + client, "client " + client + " is not registered yet")
                : event.id().equals(bad) ? EventOutcome.failed("unknown account") : EventOutcome.processed());

        assertThat(worker(handler, crm.id(), 8).drain()).isEqualTo(3);

        assertThat(event(crm, ok).status()).isEqualTo("PROCESSED");
        assertThat(event(crm, ok).processedAt()).isNotNull();
        InboxEventView parked = event(crm, waits);
        assertThat(parked.status()).isEqualTo("PARKED");
        assertThat(parked.waitKey()).isEqualTo("client:" + client);
        assertThat(parked.reason()).contains("not registered");
        assertThat(parked.processedAt()).isNull();
        assertThat(event(crm, bad).status()).isEqualTo("FAILED");
        assertThat(event(crm, bad).reason()).isEqualTo("unknown account");
        assertThat(jdbc.queryForObject("SELECT actor FROM test_inbox_effect WHERE event_id = ?", String.class, ok))
                .isEqualTo(SystemActor.NAME);
        assertThat(worker(handler, crm.id(), 8).drain()).as("nothing left to do").isZero();
    }

    @Test
    void releaseRequeuesTheEventsParkedOnThatKeyOnly() throws Exception {
        CreatedConnector crm = connector();
        String client = fixtures.unique("C");
        String first = fixtures.unique("ev");
        String second = fixtures.unique("ev");
        String other = fixtures.unique("ev");
        deliver(crm, deposit(first, client, AT), deposit(second, client, AT), deposit(other, "X-" + client, AT));
        AtomicInteger registered = new AtomicInteger();
        TestHandler handler = new TestHandler(event -> registered.get() == 0 || event.clientId().startsWith("X-")
                ? EventOutcome.parked("client:" + event.clientId(), "waiting") : EventOutcome.processed());
        // the handler's effect row is written before parking; parking commits it, so clear it for the second pass
        worker(handler, crm.id(), 8).drain();
        jdbc.update("DELETE FROM test_inbox_effect WHERE event_id IN (?, ?, ?)", first, second, other);
        registered.set(1);

        assertThat(SystemActor.call(() -> inbox.release("client:" + client))).isEqualTo(2);
        assertThat(event(crm, first).status()).isEqualTo("RECEIVED");
        assertThat(worker(handler, crm.id(), 8).drain()).isEqualTo(2);

        assertThat(event(crm, first).status()).isEqualTo("PROCESSED");
        assertThat(event(crm, second).status()).isEqualTo("PROCESSED");
        assertThat(event(crm, other).status()).isEqualTo("PARKED");
        assertThat(SystemActor.call(() -> inbox.release("client:nobody"))).isZero();
    }

    @Test
    void aThrowingEventIsRetriedAloneThenFailsWhileTheRestOfTheBatchIsProcessed() throws Exception {
        CreatedConnector crm = connector();
        String client = fixtures.unique("C");
        String good1 = fixtures.unique("ev");
        String boom = fixtures.unique("ev");
        String good2 = fixtures.unique("ev");
        deliver(crm, deposit(good1, client, AT), deposit(boom, client, "2026-10-01T09:01:00Z"), deposit(good2, client, "2026-10-01T09:02:00Z"));
        TestHandler handler = new TestHandler(event -> {
            if (event.id().equals(boom)) {
                throw new IllegalStateException("ledger unavailable");
            }
            return EventOutcome.processed();
        });
        InboxWorker worker = worker(handler, crm.id(), 3);

        worker.processBatch();
        assertThat(event(crm, good1).status()).isEqualTo("PROCESSED");
        assertThat(event(crm, good2).status()).isEqualTo("PROCESSED");
        InboxEventView retried = event(crm, boom);
        assertThat(retried.status()).isEqualTo("RECEIVED");
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.reason()).isEqualTo("IllegalStateException: ledger unavailable");
        assertThat(hasEffect(boom)).as("the failed attempt's writes were rolled back").isFalse();

        worker.drain();
        InboxEventView failed = event(crm, boom);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(handler.calls.get(good1)).as("the good events were applied once in effect").hasValue(2);
        assertThat(hasEffect(good1)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM test_inbox_effect WHERE event_id IN (?, ?)", Long.class,
                good1, good2)).isEqualTo(2);
    }

    @Test
    void retriesWaitForTheBackoff() throws Exception {
        CreatedConnector crm = connector();
        String boom = fixtures.unique("ev");
        deliver(crm, deposit(boom, fixtures.unique("C"), AT));
        TestHandler handler = new TestHandler(event -> {
            throw new IllegalStateException("down");
        });
        IngestionProperties properties = new IngestionProperties(1, true, 100, 8, Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofMillis(50));
        InboxWorker worker = new InboxWorker(new InboxStore(new JdbcTemplate(dataSource)), transactionManager,
                () -> handler, Clock.systemUTC(), properties, crm.id());

        assertThat(worker.drain()).isEqualTo(1);
        InboxEventView waiting = event(crm, boom);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(worker.drain()).as("not due again for an hour").isZero();
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofHours(2));
        assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofHours(2));
        IngestionProperties defaults = new IngestionProperties(2, true, 100, 8, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofMillis(250));
        assertThat(List.of(1, 2, 3, 4, 9, 10).stream().map(defaults::backoffAfter).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(256), Duration.ofMinutes(5));
    }

    @Test
    void eventsOfAClientAreAppliedInTheOrderTheyHappened() throws Exception {
        CreatedConnector crm = connector();
        String client = fixtures.unique("C");
        String later = fixtures.unique("ev");
        String earlier = fixtures.unique("ev");
        String earliest = fixtures.unique("ev");
        deliver(crm, deposit(later, client, "2026-10-01T12:00:00Z"), deposit(earlier, client, "2026-10-01T10:00:00Z"));
        deliver(crm, registered(earliest, client, "2026-10-01T08:00:00Z"));
        TestHandler handler = new TestHandler(event -> EventOutcome.processed());

        worker(handler, crm.id(), 8).drain();

        assertThat(handler.applied).containsExactly(earliest, earlier, later);
    }

    @Test
    void twoWorkersOnTheSameRowsNeverApplyAnEventTwice() throws Exception {
        CreatedConnector crm = connector();
        List<String> ids = new ArrayList<>();
        for (int delivery = 0; delivery < 6; delivery++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = fixtures.unique("ev");
                ids.add(id);
                batch.add(deposit(id, "C-" + (i % 7), AT));
            }
            deliver(crm, batch.toArray(String[]::new));
        }
        TestHandler handler = new TestHandler(event -> EventOutcome.processed());
        IngestionProperties small = new IngestionProperties(2, true, 20, 8, Duration.ZERO, Duration.ZERO, Duration.ofMillis(10));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> drained = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                InboxWorker worker = new InboxWorker(new InboxStore(new JdbcTemplate(dataSource)), transactionManager,
                        () -> handler, Clock.systemUTC(), small, crm.id());
                drained.add(pool.submit(() -> {
                    start.await();
                    return worker.drain();
                }));
            }
            start.countDown();
            int total = drained.get(0).get() + drained.get(1).get();
            assertThat(total).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        assertThat(handler.calls).hasSize(300);
        assertThat(handler.calls.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE connector_id = ? AND status = 'PROCESSED'",
                Long.class, crm.id())).isEqualTo(300);
    }

    @Test
    void tenConcurrentDeliveriesOfOneEventAreAppliedOnce() throws Exception {
        CreatedConnector crm = connector();
        String id = fixtures.unique("ev");
        String body = deposit(id, fixtures.unique("C"), AT);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var request = signed(crm.id(), crm.secret(), body);
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 202);
            }
        } finally {
            pool.shutdownNow();
        }
        TestHandler handler = new TestHandler(event -> EventOutcome.processed());
        worker(handler, crm.id(), 8).drain();
        worker(handler, crm.id(), 8).drain();
        assertThat(handler.calls.get(id)).hasValue(1);
        assertThat(hasEffect(id)).isTrue();
    }

    @Test
    void replayRequeuesFailedAndParkedEventsButNeverAProcessedOne() throws Exception {
        CreatedConnector crm = connector();
        PortalUser admin = fixtures.staff(Role.ADMIN);
        PortalUser finance = fixtures.staff(Role.FINANCE);
        String done = fixtures.unique("ev");
        String failed = fixtures.unique("ev");
        deliver(crm, deposit(done, "C", AT), deposit(failed, "C", AT));
        AtomicInteger pass = new AtomicInteger();
        TestHandler handler = new TestHandler(event -> event.id().equals(failed) && pass.get() == 0
                ? EventOutcome.failed("no plan") : EventOutcome.processed());
        worker(handler, crm.id(), 8).drain();
        jdbc.update("DELETE FROM test_inbox_effect WHERE event_id = ?", failed);

        mvc.perform(get("/api/v1/connectors/{id}/events/{eventId}", crm.id(), failed).with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(failed))
                .andExpect(jsonPath("$.type").value("deposit.completed"))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.reason").value("no plan"))
                .andExpect(jsonPath("$.receivedAt").exists())
                .andExpect(jsonPath("$.processedAt").exists());
        mvc.perform(post("/api/v1/connectors/{id}/events/{eventId}/replay", crm.id(), failed).with(as(finance)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/connectors/{id}/events/{eventId}/replay", crm.id(), done).with(as(admin)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/connectors/{id}/events/{eventId}/replay", crm.id(), failed).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.attempts").value(0))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.processedAt").doesNotExist());
        mvc.perform(get("/api/v1/connectors/{id}/events/{eventId}", crm.id(), "nope").with(as(admin)))
                .andExpect(status().isNotFound());

        pass.set(1);
        worker(handler, crm.id(), 8).drain();
        assertThat(event(crm, failed).status()).isEqualTo("PROCESSED");
        assertThat(handler.calls.get(done)).hasValue(1);

        mvc.perform(get("/api/v1/connectors/{id}/events", crm.id()).param("status", "processed").with(as(finance)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/v1/connectors/{id}/events", crm.id()).param("status", "LOST").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThatThrownBy(() -> SystemActor.call(() -> inbox.replay(crm.id(), done))).isInstanceOf(ConflictException.class);
    }

    @Autowired
    InboxSignal signal;

    @Test
    void backgroundWorkersAreWokenByADeliveryRatherThanWaitingForThePoll() throws Exception {
        CreatedConnector crm = connector();
        TestHandler handler = new TestHandler(event -> EventOutcome.processed());
        IngestionProperties slowPoll = new IngestionProperties(2, true, 100, 8, Duration.ZERO, Duration.ZERO,
                Duration.ofMinutes(10));
        InboxWorkers workers = new InboxWorkers(new InboxWorker(new InboxStore(new JdbcTemplate(dataSource)),
                transactionManager, () -> handler, Clock.systemUTC(), slowPoll, crm.id()), signal, slowPoll);
        workers.start();
        try {
            assertThat(workers.isRunning()).isTrue();
            Thread.sleep(200); // both threads are now idle, waiting up to ten minutes
            String id = fixtures.unique("ev");
            deliver(crm, deposit(id, "C", AT));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!event(crm, id).status().equals("PROCESSED") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(event(crm, id).status()).isEqualTo("PROCESSED");
        } finally {
            workers.stop();
        }
        assertThat(workers.isRunning()).isFalse();
    }

    @Test
    void withoutAHandlerBeanEventsStayReceived() throws Exception {
        CreatedConnector crm = connector();
        String id = fixtures.unique("ev");
        deliver(crm, deposit(id, "C", AT));
        InboxWorker handlerless = new InboxWorker(new InboxStore(new JdbcTemplate(dataSource)), transactionManager,
                () -> null, Clock.systemUTC(), new IngestionProperties(1, true, 100, 8, Duration.ZERO, Duration.ZERO,
                Duration.ofMillis(50)), crm.id());

        assertThat(handlerless.drain()).isZero();
        assertThat(event(crm, id).status()).isEqualTo("RECEIVED");
    }
}
