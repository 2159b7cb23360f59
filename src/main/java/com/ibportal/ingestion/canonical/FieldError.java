package com.ibportal.ingestion.canonical;

import java.util.Objects;

/**
 * One validation problem, shaped like an entry of the API's problem+json {@code errors: [{field, message}]}.
 *
 * @param field   where the problem is, dotted and JSON-pointer-ish: {@code data.lots}, {@code [2].occurredAt}
 * @param message a sentence a broker's integrator can act on, never echoing secrets
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error seen from an enclosing object, e.g. {@code lots} inside {@code data} becomes {@code data.lots}. */
    public FieldError under(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        return new FieldError(field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
