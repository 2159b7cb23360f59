package com.ibportal.ingestion.canonical;

import java.util.List;

/** Either the value read from JSON or every problem that kept it from being read. */
public sealed interface ParseResult<T> {

    record Valid<T>(T value) implements ParseResult<T> {
    }

    record Invalid<T>(List<FieldError> errors) implements ParseResult<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an Invalid result needs at least one error");
            }
        }
    }

    /** The value, or a {@link ValidationException} carrying the errors. */
    default T orThrow() {
        return switch (this) {
            case Valid<T> valid -> valid.value();
            case Invalid<T> invalid -> throw new ValidationException(invalid.errors());
        };
    }
}
