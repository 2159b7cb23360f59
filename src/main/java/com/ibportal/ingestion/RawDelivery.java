package com.ibportal.ingestion;

import java.time.Instant;

/** A delivery exactly as it arrived: the body (as text, UTF-8) and the headers that matter. */
public record RawDelivery(long id, long connectorId, String webhookId, Long webhookTimestamp, String contentType,
                          String remoteAddress, String body, Instant receivedAt) {
}
