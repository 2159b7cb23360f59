package com.ibportal.ingestion.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken invariant of one record before failing, so a sender learns all its mistakes at once.
 * The records' constructors are the single place where canonical invariants live; the parser only adds type errors.
 */
final class Violations {

    /** Identifiers (event ids, logins, deal ids) beyond this are refused: they are database keys. */
    static final int MAX_IDENTIFIER_LENGTH = 200;
    /** RFC 5321's limit for an address. */
    static final int MAX_EMAIL_LENGTH = 254;

    private final List<FieldError> errors = new ArrayList<>();

    Violations required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    Violations identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else {
            optionalText(field, value, MAX_IDENTIFIER_LENGTH);
        }
        return this;
    }

    Violations optionalText(String field, String value, int maxLength) {
        if (value != null && value.isBlank()) {
            add(field, "must not be blank when present");
        } else if (value != null && value.length() > maxLength) {
            add(field, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
        return this;
    }

    Violations positive(String field, BigDecimal value) {
        required(field, value);
        if (value != null && value.signum() <= 0) {
            add(field, "must be greater than zero, was " + value.toPlainString());
        }
        return this;
    }

    Violations notBefore(String field, Instant value, String earlierField, Instant earlier) {
        if (value != null && earlier != null && value.isBefore(earlier)) {
            add(field, "must not be before " + earlierField + " (" + value + " is before " + earlier + ")");
        }
        return this;
    }

    Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
