package com.ibportal.processing;

import com.ibportal.clients.ClientAssigned;
import com.ibportal.clients.ClientAttributed;
import com.ibportal.clients.ClientReassigned;
import com.ibportal.ingestion.WriteBackService;
import com.ibportal.security.SystemActor;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CRM a client's partner: when a registration attributes it, or an admin assigns or reassigns it, a
 * write-back is queued for the connector the client's registration came from, in the same transaction (plain
 * synchronous listeners), so the attribution and its write-back commit or roll back together. Clients not
 * registered through a connector (or whose connector has no write-back URL) get none.
 */
@Component
class AttributionWriteBacks {

    private final ClientSources sources;
    private final WriteBackService writeBacks;

    AttributionWriteBacks(ClientSources sources, WriteBackService writeBacks) {
        this.sources = sources;
        this.writeBacks = writeBacks;
    }

    @EventListener
    void on(ClientAttributed attributed) {
        enqueue(attributed.externalId(), attributed.partnerCode(), attributed.effectiveFrom());
    }

    @EventListener
    void on(ClientAssigned assigned) {
        enqueue(assigned.externalId(), assigned.partnerCode(), assigned.effectiveFrom());
    }

    @EventListener
    void on(ClientReassigned reassigned) {
        enqueue(reassigned.externalId(), reassigned.toPartnerCode(), reassigned.effectiveFrom());
    }

    private void enqueue(String clientId, String partnerCode, Instant effectiveFrom) {
        // queuing a write-back is the portal's own work, whoever changed the attribution
        sources.connectorOf(clientId).ifPresent(connectorId -> SystemActor.run(() ->
                writeBacks.enqueue(connectorId, clientId, partnerCode, effectiveFrom)));
    }
}
