package com.ibportal.ingestion.csv;

import com.ibportal.ingestion.canonical.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which file column holds which canonical field: by default the column named like the field ({@code amount}); the
 * connector setting {@code csvColumns: {"<canonical field>": "<header in the file>"}} renames columns, so a CRM
 * export can be imported as it is. Headers match case-insensitively, ignoring surrounding spaces.
 */
public record CsvColumns(Map<String, String> headersByField) {

    /** The envelope fields, each required in every file. */
    public static final List<String> ENVELOPE = List.of("id", "type", "occurredAt", "clientId");
    /** Every field a CSV row can carry: the envelope, then the {@code data} fields of every event type. */
    public static final List<String> FIELDS = List.of("id", "type", "occurredAt", "clientId", "referralCode",
            "campaign", "email", "country", "status", "transactionId", "amount", "currency", "accountLogin", "dealId",
            "platform", "symbol", "lots", "openedAt", "closedAt", "spreadRevenue", "profit", "swap", "commission");

    public static final CsvColumns DEFAULT = new CsvColumns(Map.of());

    public CsvColumns {
        headersByField = Map.copyOf(headersByField);
    }

    /** The header expected for a canonical field. */
    public String headerOf(String field) {
        return headersByField.getOrDefault(field, field);
    }

    public boolean renamed(String field) {
        return headersByField.containsKey(field);
    }

    /**
     * Reads the {@code csvColumns} setting; problems are named relative to it ({@code amount}, or empty for the
     * whole value).
     */
    public static Result read(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return new Result(DEFAULT, errors);
        }
        if (!node.isObject()) {
            errors.add(new FieldError("", "must be a JSON object {\"<canonical field>\": \"<header in the file>\"}"));
            return new Result(DEFAULT, errors);
        }
        node.properties().forEach(entry -> {
            String field = entry.getKey();
            JsonNode header = entry.getValue();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a canonical field; known: " + String.join(", ", FIELDS)));
            } else if (!header.isString() || header.stringValue().isBlank()) {
                errors.add(new FieldError(field, "must be the header of a column in the file (a non-blank string)"));
            } else if (header.stringValue().trim().length() > 200) {
                errors.add(new FieldError(field, "must be at most 200 characters"));
            } else {
                headers.put(field, header.stringValue().trim());
            }
        });
        return new Result(new CsvColumns(headers), errors);
    }

    /** The mapping read, and what was wrong with it (empty when nothing). */
    public record Result(CsvColumns columns, List<FieldError> errors) {
    }
}
