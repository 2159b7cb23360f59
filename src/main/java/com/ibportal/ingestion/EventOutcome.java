package com.ibportal.ingestion;

import java.util.Objects;

/**
 * What became of an event: processed, parked until something arrives ({@code waitKey} such as {@code client:C-1} or
 * {@code fx:2026-10-01:EUR:USD}; {@link InboxService#release(String)} wakes it), or failed for good.
 */
public record EventOutcome(Status status, String reason, String waitKey) {

    public enum Status { PROCESSED, PARKED, FAILED }

    public EventOutcome {
        Objects.requireNonNull(status, "status");
        if (status == Status.PARKED && (waitKey == null || waitKey.isBlank())) {
            throw new IllegalArgumentException("a parked event needs the key it waits for");
        }
        if (status != Status.PARKED && waitKey != null) {
            throw new IllegalArgumentException("only a parked event waits for a key");
        }
        if (waitKey != null && waitKey.length() > 200) {
            throw new IllegalArgumentException("a wait key holds at most 200 characters");
        }
    }

    public static EventOutcome processed() {
        return new EventOutcome(Status.PROCESSED, null, null);
    }

    public static EventOutcome parked(String waitKey, String reason) {
        return new EventOutcome(Status.PARKED, reason, waitKey);
    }

    public static EventOutcome failed(String reason) {
        return new EventOutcome(Status.FAILED, Objects.requireNonNull(reason, "reason"), null);
    }
}
