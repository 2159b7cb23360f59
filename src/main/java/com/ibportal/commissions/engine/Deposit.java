package com.ibportal.commissions.engine;

import com.ibportal.shared.Money;

import java.time.Instant;
import java.util.Objects;

/** A completed deposit event. */
public record Deposit(String eventId, Instant occurredAt, Money amount) {

    public Deposit {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(amount, "amount");
    }
}
