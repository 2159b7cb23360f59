package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ValidationException;
import com.ibportal.security.SystemActor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies inbox events through the {@link IngestedEventHandler}. A batch of due events is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and applied in one transaction together with the events' new status, so an event is
 * applied exactly once in effect even with several workers or instances. When the handler throws, the batch is rolled
 * back and redone one event per transaction, so only the bad event counts a failed attempt.
 */
class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Comparator<InboxStore.Claimed> OCCURRENCE_ORDER =
            Comparator.comparing(InboxStore.Claimed::occurredAt).thenComparingLong(InboxStore.Claimed::rowId);

    private final InboxStore store;
    private final TransactionTemplate transactions;
    private final Supplier<IngestedEventHandler> handler;
    private final Clock clock;
    private final IngestionProperties properties;
    private final Long connectorScope;
    private final CanonicalEventParser parser = new CanonicalEventParser();

    /** @param connectorScope only this connector's events (tests share one database); null for all */
    InboxWorker(InboxStore store, PlatformTransactionManager transactionManager, Supplier<IngestedEventHandler> handler,
                Clock clock, IngestionProperties properties, Long connectorScope) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.handler = handler;
        this.clock = clock;
        this.properties = properties;
        this.connectorScope = connectorScope;
    }

    boolean hasHandler() {
        return handler.get() != null;
    }

    /** Processes due events until none is left; answers how many were claimed. For tests and "process now". */
    int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = processBatch();
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    /** Claims and applies one batch; answers how many events were claimed (0: nothing due, or no handler). */
    int processBatch() {
        IngestedEventHandler current = handler.get();
        if (current == null) {
            return 0;
        }
        return SystemActor.call(() -> {
            List<InboxStore.Claimed> claimed = new ArrayList<>();
            try {
                transactions.executeWithoutResult(status -> {
                    claimed.addAll(store.claimDue(clock.instant(), properties.batchSize(), connectorScope));
                    if (claimed.isEmpty()) {
                        return;
                    }
                    List<InboxStore.Decision> decisions = new ArrayList<>(claimed.size());
                    for (InboxStore.Claimed event : sorted(claimed)) {
                        decisions.add(decide(event, apply(current, event)));
                    }
                    store.decide(decisions);
                });
                return claimed.size();
            } catch (RuntimeException batchFailed) {
                if (claimed.isEmpty()) {
                    throw batchFailed;
                }
                log.debug("A batch of {} inbox events failed ({}); redoing them one by one", claimed.size(),
                        batchFailed.toString());
                for (InboxStore.Claimed event : sorted(claimed)) {
                    processOne(current, event.rowId());
                }
                return claimed.size();
            }
        });
    }

    private void processOne(IngestedEventHandler current, long rowId) {
        try {
            transactions.executeWithoutResult(status -> store.claimOne(rowId).ifPresent(event ->
                    store.decide(List.of(decide(event, apply(current, event))))));
        } catch (RuntimeException failed) {
            transactions.executeWithoutResult(status -> store.claimOne(rowId).ifPresent(event -> {
                int attempts = event.attempts() + 1;
                boolean giveUp = attempts >= properties.maxAttempts();
                Instant now = clock.instant();
                String reason = reason(failed);
                store.recordFailedAttempt(rowId, attempts, giveUp, reason, now.plus(properties.backoffAfter(attempts)), now);
                if (giveUp) {
                    log.warn("Inbox event {} of connector {} FAILED after {} attempts: {}", event.eventId(),
                            event.connectorId(), attempts, reason);
                } else {
                    log.info("Inbox event {} of connector {} failed attempt {}: {}", event.eventId(), event.connectorId(),
                            attempts, reason);
                }
            }));
        }
    }

    /** Null outcome from the handler is a bug there; thrown so it is retried and finally visible as FAILED. */
    private EventOutcome apply(IngestedEventHandler current, InboxStore.Claimed claimed) {
        CanonicalEvent event;
        try {
            event = parser.parse(JsonValues.mapper().readTree(claimed.payload())).orThrow();
        } catch (ValidationException | tools.jackson.core.JacksonException unreadable) {
            // what was validated on the way in cannot turn invalid; if it does, retrying will not help
            return EventOutcome.failed("the stored event cannot be read: " + unreadable.getMessage());
        }
        EventOutcome outcome = current.apply(event, claimed.connectorId());
        if (outcome == null) {
            throw new IllegalStateException("the event handler returned no outcome");
        }
        return outcome;
    }

    private InboxStore.Decision decide(InboxStore.Claimed event, EventOutcome outcome) {
        Instant now = clock.instant();
        return switch (outcome.status()) {
            case PROCESSED -> new InboxStore.Decision(event.rowId(), InboxStore.PROCESSED, outcome.reason(), null, now);
            case PARKED -> new InboxStore.Decision(event.rowId(), InboxStore.PARKED, outcome.reason(), outcome.waitKey(), null);
            case FAILED -> new InboxStore.Decision(event.rowId(), InboxStore.FAILED, outcome.reason(), null, now);
        };
    }

    /** Same client's events in the order they happened (a deposit before the trade it funded). */
    private static List<InboxStore.Claimed> sorted(List<InboxStore.Claimed> claimed) {
        List<InboxStore.Claimed> ordered = new ArrayList<>(claimed);
        ordered.sort(OCCURRENCE_ORDER);
        return ordered;
    }

    /** The exception's type and message, never its stack or causes' payloads; handlers must not put secrets in messages. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return InboxStore.truncate(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message), 1000);
    }
}
