package com.ibportal.ingestion;

import java.time.Instant;

/**
 * How a connector is doing: when it last delivered, how much in the last hour, what waits or failed.
 *
 * @param pollingLagSeconds   polling connectors: seconds since the last poll that reached the end of the source
 *                            (how stale the portal's view may be); null for other kinds or before the first such poll
 * @param newestPolledEventAt polling connectors: the newest occurredAt among polled events
 * @param pollingError        polling connectors: why the last poll failed (null after a success)
 * @param pollingFailures     polling connectors: consecutive failed polls (the backoff grows with them)
 */
public record ConnectorHealth(long connectorId, Instant lastEventAt, long eventsLastHour, long received, long parked,
                              long failed, Long pollingLagSeconds, Instant newestPolledEventAt, String pollingError,
                              int pollingFailures) {
}
