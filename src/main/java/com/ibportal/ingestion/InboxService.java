package com.ibportal.ingestion;

import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import com.ibportal.shared.Paged;
import com.ibportal.security.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The inbox as admins and other modules see it: look up, list, replay and release events. */
@Service
public class InboxService {

    private final InboxStore store;
    private final Connectors connectors;
    private final InboxSignal signal;
    private final InboxWorkers workers;
    private final AuditTrail audit;
    private final Clock clock;

    InboxService(InboxStore store, Connectors connectors, InboxSignal signal, InboxWorkers workers, AuditTrail audit,
                 Clock clock) {
        this.store = store;
        this.connectors = connectors;
        this.signal = signal;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Parked events waiting for this key go back to RECEIVED and are processed again soon (workers are woken when the
     * caller's transaction commits). Called by business modules as the system actor, e.g. with {@code client:C-1}
     * once client C-1 exists, or {@code fx:2026-10-01:EUR:USD} once that rate is known.
     *
     * @return how many events were released
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int release(String waitKey) {
        if (waitKey == null || waitKey.isBlank()) {
            throw InvalidInputException.of("waitKey", "is required");
        }
        int released = store.release(waitKey, clock.instant());
        if (released > 0) {
            wakeAfterCommit();
        }
        return released;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public InboxEventView event(long connectorId, String eventId) {
        requireConnector(connectorId);
        return store.find(connectorId, eventId).orElseThrow(() -> new NotFoundException("Event " + eventId));
    }

    /** A FAILED or PARKED event back to RECEIVED with its attempts reset; a PROCESSED one is 409, never applied twice. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public InboxEventView replay(long connectorId, String eventId) {
        InboxEventView current = event(connectorId, eventId);
        if (store.replay(connectorId, eventId, clock.instant()) == 0) {
            throw new ConflictException("Event " + eventId + " is " + current.status()
                    + "; only FAILED or PARKED events can be replayed");
        }
        audit.record("INBOX_EVENT_REPLAYED", "connector " + connectorId, eventId + " (was " + current.status() + ")");
        wakeAfterCommit();
        return store.find(connectorId, eventId).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public Paged<InboxEventView> events(long connectorId, String status, String type, int page, int size) {
        Paged.check(page, size);
        requireConnector(connectorId);
        String statusFilter = blankToNull(status);
        if (statusFilter != null) {
            statusFilter = statusFilter.toUpperCase(Locale.ROOT);
            if (!InboxStore.statuses().contains(statusFilter)) {
                throw InvalidInputException.of("status", "must be one of " + InboxStore.statuses());
            }
        }
        String typeFilter = blankToNull(type);
        return new Paged<>(store.list(connectorId, statusFilter, typeFilter, (long) page * size, size), page, size,
                store.count(connectorId, statusFilter, typeFilter));
    }

    /** The delivery an event came in, exactly as received. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public RawDelivery rawDelivery(long connectorId, String eventId) {
        requireConnector(connectorId);
        return store.deliveryOf(connectorId, eventId).orElseThrow(() -> new NotFoundException("Event " + eventId));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional(readOnly = true)
    public List<ConnectorHealth> health() {
        Instant now = clock.instant();
        return store.health(now.minus(Duration.ofHours(1)), now);
    }

    /**
     * Processes every due event now, in the caller's thread, one batch per transaction; answers how many were
     * claimed. For tests (the suite runs without background workers) and an admin's "process now". 0 without a handler.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NEVER)
    public int processDue() {
        return workers.worker().drain();
    }

    private void requireConnector(long connectorId) {
        if (connectors.find(connectorId).isEmpty()) {
            throw new NotFoundException("Connector " + connectorId);
        }
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
