package com.ibportal.ingestion.formats;

import java.util.List;

import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.ValidationException;

/**
 * A vendor payload that cannot be mapped, with field-named reasons ({@code [2].VolumeClosed: must be a decimal …}).
 * It is a {@link ValidationException}, so the web layer answers it like any other bad input: 400, never 500.
 */
public class MappingException extends ValidationException {

    public MappingException(List<FieldError> errors) {
        super(errors);
    }

    public MappingException(String field, String message) {
        super(field, message);
    }
}
