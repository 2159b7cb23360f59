package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ParseResult;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * How to read canonical events from a CRM that has no public schema (FXBO, SkaleCRM, TradeCore, Syntellicore,
 * B2Core). Written by an admin as JSON, for example:
 * <pre>{@code
 * {"type":   {"pointer": "/event", "values": {"deposit_done": "deposit.completed"}, "ignore": ["deposit_failed"]},
 *  "fields": {"id": "/tx_id", "clientId": "/customer_no",
 *             "occurredAt": {"pointer": "/created", "timestampFormat": "EPOCH_SECONDS"},
 *             "data.transactionId": "/tx_id", "data.amount": "/amount", "data.currency": {"constant": "USD"}}}
 * }</pre>
 * {@code type} is either {@code {"fixed": "<type>"}} or a pointer whose value picks the type from {@code values};
 * values listed in {@code ignore} produce nothing, any other value is an error. Each canonical field
 * ({@code id}, {@code occurredAt}, {@code clientId}, {@code data.<field>}) takes a JSON pointer (RFC 6901), as a
 * string or {@code {"pointer"}}, or a {@code {"constant"}}; decimal fields may divide by a {@code divisor} (lots
 * sent as 1/100 lot, amounts in cents) and time fields may say their {@code timestampFormat}.
 */
public record JsonMapping(TypeSelection type, Map<String, FieldSource> fields) {

    public enum TimestampFormat { ISO, EPOCH_SECONDS, EPOCH_MILLIS }

    /** Either a fixed type or a pointer into the record whose value the table turns into a type. */
    public record TypeSelection(EventType fixed, JsonPointer pointer, Map<String, EventType> values, Set<String> ignored) {
        public TypeSelection {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(values, Map.of())));
            ignored = Set.copyOf(Objects.requireNonNullElse(ignored, Set.of()));
            if ((fixed == null) == (pointer == null)) {
                throw new IllegalArgumentException("a type selection is either fixed or read through a pointer");
            }
        }

        Set<EventType> selectable() {
            return fixed != null ? Set.of(fixed) : Set.copyOf(values.values());
        }
    }

    /** Where one canonical field's value comes from. */
    public record FieldSource(JsonPointer pointer, JsonNode constant, BigDecimal divisor, TimestampFormat timestampFormat) {
        public FieldSource {
            if ((pointer == null) == (constant == null)) {
                throw new IllegalArgumentException("a field comes either from a pointer or from a constant");
            }
        }
    }

    public JsonMapping {
        Objects.requireNonNull(type, "type");
        // Keeps the admin's order, so errors and listings follow the mapping as written.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads and checks a mapping, reporting every problem with its place in the mapping's JSON. */
    public static ParseResult<JsonMapping> parse(JsonNode config) {
        List<FieldError> errors = new ArrayList<>();
        if (config == null || !config.isObject()) {
            return new ParseResult.Invalid<>(List.of(new FieldError("mapping", "must be a JSON object")));
        }
        TypeSelection type = readType(config.get("type"), errors);
        Map<String, FieldSource> fields = new LinkedHashMap<>();
        JsonNode fieldsNode = config.get("fields");
        if (fieldsNode == null || !fieldsNode.isObject()) {
            errors.add(new FieldError("fields", "must be an object from canonical field to source"));
        } else {
            // With a broken type selection, fields are still checked against every type so all errors show at once.
            Map<String, Class<?>> known = canonicalFields(type != null ? type.selectable() : Set.of(EventType.values()));
            fieldsNode.properties().forEach(entry ->
                    readField(entry.getKey(), entry.getValue(), known, errors).ifPresent(source ->
                            fields.put(entry.getKey(), source)));
            Stream.of("id", "occurredAt", "clientId").filter(name -> !fieldsNode.has(name))
                    .forEach(name -> errors.add(new FieldError("fields." + name, "is required: every event has one")));
        }
        return errors.isEmpty() ? new ParseResult.Valid<>(new JsonMapping(type, fields)) : new ParseResult.Invalid<>(errors);
    }

    private static TypeSelection readType(JsonNode node, List<FieldError> errors) {
        if (node == null || !node.isObject() || node.has("fixed") == node.has("pointer")) {
            errors.add(new FieldError("type", "must be {\"fixed\": \"<event type>\"} or {\"pointer\": \"/…\", "
                    + "\"values\": {\"<vendor value>\": \"<event type>\"}}"));
            return null;
        }
        int errorsBefore = errors.size();
        if (node.has("fixed")) {
            EventType fixed = eventType(node.get("fixed"), "type.fixed", errors);
            return fixed == null ? null : new TypeSelection(fixed, null, null, null);
        }
        JsonPointer pointer = pointer(node.get("pointer"), "type.pointer", errors);
        Map<String, EventType> values = new LinkedHashMap<>();
        JsonNode valuesNode = node.get("values");
        if (valuesNode == null || !valuesNode.isObject() || valuesNode.isEmpty()) {
            errors.add(new FieldError("type.values", "must map at least one vendor value to an event type"));
        } else {
            valuesNode.properties().forEach(entry -> {
                EventType type = eventType(entry.getValue(), "type.values." + entry.getKey(), errors);
                if (type != null) {
                    values.put(entry.getKey(), type);
                }
            });
        }
        Set<String> ignored = new LinkedHashSet<>();
        JsonNode ignoreNode = node.get("ignore");
        if (ignoreNode != null && !(ignoreNode.isArray() && ignoreNode.valueStream().allMatch(JsonNode::isString))) {
            errors.add(new FieldError("type.ignore", "must be an array of vendor values"));
        } else if (ignoreNode != null) {
            ignoreNode.valueStream().map(JsonNode::stringValue).forEach(ignored::add);
        }
        return errors.size() > errorsBefore ? null : new TypeSelection(null, pointer, values, ignored);
    }

    private static Optional<FieldSource> readField(String name, JsonNode node, Map<String, Class<?>> known,
                                                             List<FieldError> errors) {
        String at = "fields." + name;
        Class<?> javaType = known.get(name);
        if (javaType == null) {
            errors.add(new FieldError(at, "is not a canonical field of the selected event types; known fields: "
                    + String.join(", ", known.keySet())));
            return Optional.empty();
        }
        int errorsBefore = errors.size();
        if (node.isString()) {
            JsonPointer pointer = pointer(node, at, errors);
            return errors.size() > errorsBefore ? Optional.empty()
                    : Optional.of(new FieldSource(pointer, null, null, null));
        }
        if (!node.isObject() || node.has("pointer") == node.has("constant")) {
            errors.add(new FieldError(at, "must be a JSON pointer string, {\"pointer\": \"/…\"} or {\"constant\": …}"));
            return Optional.empty();
        }
        JsonPointer pointer = node.has("pointer") ? pointer(node.get("pointer"), at + ".pointer", errors) : null;
        JsonNode constant = node.get("constant");
        BigDecimal divisor = null;
        if (node.has("divisor")) {
            if (javaType != BigDecimal.class) {
                errors.add(new FieldError(at + ".divisor", "applies only to decimal fields (lots, amounts)"));
            } else {
                try {
                    divisor = JsonValues.decimal(node.get("divisor"));
                    if (divisor.signum() <= 0) {
                        errors.add(new FieldError(at + ".divisor", "must be greater than zero"));
                    }
                } catch (IllegalArgumentException notDecimal) {
                    errors.add(new FieldError(at + ".divisor", notDecimal.getMessage()));
                }
            }
        }
        TimestampFormat format = null;
        if (node.has("timestampFormat")) {
            String value = node.get("timestampFormat").asString();
            if (javaType != Instant.class) {
                errors.add(new FieldError(at + ".timestampFormat", "applies only to time fields"));
            } else if (Arrays.stream(TimestampFormat.values()).noneMatch(option -> option.name().equals(value))) {
                errors.add(new FieldError(at + ".timestampFormat", "must be one of ISO, EPOCH_SECONDS, EPOCH_MILLIS"));
            } else {
                format = TimestampFormat.valueOf(value);
            }
        }
        return errors.size() > errorsBefore ? Optional.empty()
                : Optional.of(new FieldSource(pointer, constant, divisor, format));
    }

    private static EventType eventType(JsonNode node, String at, List<FieldError> errors) {
        String wireName = node == null || !node.isString() ? "" : node.stringValue();
        return EventType.fromWireName(wireName).orElseGet(() -> {
            errors.add(new FieldError(at, "must be one of " + Arrays.stream(EventType.values())
                    .map(EventType::wireName).collect(Collectors.joining(", "))));
            return null;
        });
    }

    private static JsonPointer pointer(JsonNode node, String at, List<FieldError> errors) {
        String text = node == null || !node.isString() ? "" : node.stringValue();
        try {
            if (!text.startsWith("/")) {
                throw new IllegalArgumentException("must start with '/'");
            }
            if (text.matches(".*~([^01].*|$)")) {
                // Jackson would read a stray '~' literally; RFC 6901 allows it only as ~0 ('~') or ~1 ('/').
                throw new IllegalArgumentException("'~' must be followed by 0 or 1");
            }
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException invalid) {
            errors.add(new FieldError(at, "is not a JSON pointer (RFC 6901) like \"/amount\" or \"/customer/id\": "
                    + invalid.getMessage()));
            return null;
        }
    }

    /**
     * Canonical field names and their Java types, taken from the canonical records themselves so that a new
     * field in the contract is mappable without touching this class.
     */
    static Map<String, Class<?>> canonicalFields(Set<EventType> types) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("id", String.class);
        fields.put("occurredAt", Instant.class);
        fields.put("clientId", String.class);
        Arrays.stream(EventType.values()).filter(types::contains)
                .flatMap(type -> Arrays.stream(type.dataType().getRecordComponents()))
                .forEach(component -> fields.putIfAbsent("data." + component.getName(), component.getType()));
        return fields;
    }
}
