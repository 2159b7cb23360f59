package com.ibportal.commissions.engine;

import com.ibportal.shared.CurrencyCode;

import java.time.LocalDate;
import java.util.Objects;

/** The rate an event waits for: it is parked until the rates table holds it. */
public record MissingFxRate(LocalDate utcDate, CurrencyCode base, CurrencyCode quote) {

    public MissingFxRate {
        Objects.requireNonNull(utcDate, "utcDate");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
    }

    @Override
    public String toString() {
        return base + "/" + quote + " on " + utcDate;
    }
}
