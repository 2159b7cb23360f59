package com.ibportal.ingestion.canonical;

import com.ibportal.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Reads fields of one JSON object for the parser, recording type errors and answering {@code null} for a field that
 * is absent or unreadable; the records then report what is required. The first error per field wins, so a field
 * of the wrong type is not also reported as missing.
 */
final class FieldReader {

    private final JsonNode object;
    private final String prefix;
    private final Map<String, String> errors;

    FieldReader(JsonNode object, String prefix, Map<String, String> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    static Map<String, String> newErrors() {
        return new LinkedHashMap<>();
    }

    static void record(Map<String, String> errors, String prefix, List<FieldError> found) {
        found.forEach(error -> errors.putIfAbsent(error.under(prefix).field(), error.message()));
    }

    static List<FieldError> toList(Map<String, String> errors) {
        return errors.entrySet().stream().map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList();
    }

    String text(String name) {
        return read(name, node -> {
            if (!node.isString()) {
                throw new IllegalArgumentException("must be a string, was " + JsonValues.kind(node));
            }
            return node.stringValue();
        });
    }

    BigDecimal decimal(String name) {
        return read(name, JsonValues::decimal);
    }

    Instant instant(String name) {
        return read(name, JsonValues::instant);
    }

    CurrencyCode currency(String name) {
        return read(name, node -> {
            if (!node.isString()) {
                throw new IllegalArgumentException("must be a string, was " + JsonValues.kind(node));
            }
            return CurrencyCode.of(node.stringValue());
        });
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            errors.putIfAbsent(prefix + name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", was \"" + JsonValues.abbreviate(value) + "\"");
            return null;
        }
    }

    private <T> T read(String name, Function<JsonNode, T> reader) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return reader.apply(node);
        } catch (IllegalArgumentException wrongShape) {
            errors.putIfAbsent(prefix + name, wrongShape.getMessage());
            return null;
        }
    }
}
