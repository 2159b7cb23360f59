package com.ibportal.ingestion.webhook;

import java.time.Instant;

/**
 * A message whose signature matched.
 *
 * @param messageId   the {@code webhook-id}: the sender's idempotency key for the delivery
 * @param sentAt      the {@code webhook-timestamp}
 * @param secretIndex which of the verifier's secrets matched (0 = current); a sender still on an older secret shows
 *                    here, so the portal can tell when a rotation is complete
 */
public record VerifiedWebhook(String messageId, Instant sentAt, int secretIndex) {
}
