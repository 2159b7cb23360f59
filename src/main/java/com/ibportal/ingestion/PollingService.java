package com.ibportal.ingestion;

import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Polling connectors on demand: an admin's "poll now" (and the tests); the scheduler polls on its own. */
@Service
public class PollingService {

    private final ConnectorPoller poller;
    private final Connectors connectors;

    PollingService(ConnectorPoller poller, Connectors connectors) {
        this.poller = poller;
        this.connectors = connectors;
    }

    /** Polls the connector now, in the caller's thread, whatever its schedule; disabled connectors are polled too. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.NEVER)
    public PollReport pollNow(long connectorId) {
        Connector connector = connectors.find(connectorId).orElseThrow(() -> new NotFoundException("Connector " + connectorId));
        if (connector.kind() != ConnectorKind.POLLING) {
            throw InvalidInputException.of("connectorId", "connector " + connectorId + " is a " + connector.kind()
                    + " connector, not POLLING");
        }
        return poller.poll(connectorId);
    }
}
