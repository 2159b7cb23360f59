package com.ibportal.ingestion;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A write-back as admins see it: what is sent to the CRM and how delivery went.
 *
 * @param messageId     the {@code webhook-id} of every send of this write-back (receivers dedupe on it)
 * @param status        PENDING, DELIVERED or FAILED
 * @param nextAttemptAt when a PENDING write-back is sent (again); null otherwise
 * @param lastError     why the last send failed (status code or error class), never a secret
 */
public record WriteBackView(long id, long connectorId, String messageId, String clientId, JsonNode payload,
                            String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                            Instant deliveredAt) {
}
