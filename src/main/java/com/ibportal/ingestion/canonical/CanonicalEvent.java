package com.ibportal.ingestion.canonical;

import static com.ibportal.ingestion.canonical.Violations.MAX_IDENTIFIER_LENGTH;

import java.time.Instant;

/**
 * One canonical event v1: {@code {"id","type","occurredAt","clientId","data"}}. The {@code id} is the idempotency key
 * the inbox deduplicates on, so a connector must derive it from the vendor's own unique key, never generate it.
 */
public record CanonicalEvent(String id, EventType type, Instant occurredAt, String clientId, EventData data) {

    public CanonicalEvent {
        Violations violations = new Violations()
                .identifier("id", id)
                .required("type", type)
                .required("occurredAt", occurredAt)
                .identifier("clientId", clientId)
                .required("data", data);
        if (type != null && data != null && !type.dataType().isInstance(data)) {
            violations.add("data", "holds " + EventType.of(data).wireName() + " data but type is " + type.wireName());
        }
        violations.throwIfAny();
    }

    /** Builds an event whose type follows from its data, as mappers do. */
    public static CanonicalEvent of(String id, Instant occurredAt, String clientId, EventData data) {
        return new CanonicalEvent(id, data == null ? null : EventType.of(data), occurredAt, clientId, data);
    }
}
