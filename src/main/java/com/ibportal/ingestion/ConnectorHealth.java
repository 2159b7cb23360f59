package com.ibportal.ingestion;

import java.time.Instant;

/** How a connector is doing: when it last delivered, how much in the last hour, what waits or failed. */
public record ConnectorHealth(long connectorId, Instant lastEventAt, long eventsLastHour, long received, long parked,
                              long failed) {
}
