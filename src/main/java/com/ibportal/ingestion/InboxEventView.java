package com.ibportal.ingestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One inbox event as the API shows it: {@code {id, type, status, reason?, receivedAt, processedAt?}} plus what an
 * admin needs to act on it.
 *
 * @param id       the event's own id (its idempotency key), not the row's
 * @param status   RECEIVED, PROCESSED, PARKED or FAILED
 * @param waitKey  what a parked event waits for
 * @param attempts failed attempts so far (retried with backoff until the limit, then FAILED)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxEventView(String id, long connectorId, String type, String clientId, Instant occurredAt, String status,
                             String reason, String waitKey, int attempts, Instant receivedAt, Instant processedAt,
                             Instant nextAttemptAt) {
}
