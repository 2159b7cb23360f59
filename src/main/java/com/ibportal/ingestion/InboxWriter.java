package com.ibportal.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way events enter the inbox, whatever brought them (webhook, postback, CSV chunk): the raw delivery and the
 * new events in the caller's transaction, deduplicated on {@code (connector, event id)} with INSERT IGNORE, so no
 * path can bypass the idempotency key.
 */
@Component
class InboxWriter {

    /** How the events arrived, stored raw next to them; only kept when it brought at least one new event. */
    record Raw(String messageId, Long timestamp, String contentType, String remoteAddress, byte[] body) {
    }

    private final InboxStore store;
    private final InboxSignal signal;
    private final Clock clock;

    InboxWriter(InboxStore store, InboxSignal signal, Clock clock) {
        this.store = store;
        this.signal = signal;
        this.clock = clock;
    }

    /**
     * Stores what is new; must run in a transaction. Answers the ids <em>this</em> call stored; the others were known
     * already or were stored by a concurrent delivery that won the race. Workers are woken after the commit.
     */
    Set<String> store(long connectorId, Raw raw, Collection<InboxStore.NewEvent> events) {
        // redeliveries are common (senders retry on timeouts): answer them without writing anything
        Set<String> known = store.existingEventIds(connectorId, events.stream().map(InboxStore.NewEvent::eventId).toList());
        List<InboxStore.NewEvent> fresh = events.stream().filter(event -> !known.contains(event.eventId())).toList();
        if (fresh.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        long deliveryId = store.insertDelivery(connectorId, raw.messageId(), raw.timestamp(), raw.contentType(),
                raw.remoteAddress(), raw.body(), now);
        store.insertEvents(connectorId, deliveryId, fresh, now);
        Set<String> accepted = store.eventIdsOf(deliveryId);
        if (accepted.isEmpty()) {
            // a concurrent delivery of the same events won the race; keep no raw copy of a delivery that added nothing
            store.deleteDelivery(deliveryId);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        }
        return accepted;
    }
}
