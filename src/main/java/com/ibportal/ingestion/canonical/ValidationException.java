package com.ibportal.ingestion.canonical;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot become a valid canonical event, with every problem found. The web layer turns it into a 400
 * problem+json with {@code errors}; it is never a 500.
 */
public class ValidationException extends IllegalArgumentException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
