package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ParseResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code mapping} format: applies the connector's {@link JsonMapping} to each record, producing canonical JSON,
 * and lets {@link CanonicalEventParser} judge the result, so mapped events obey exactly the rules that direct
 * canonical senders do. Errors name the vendor pointer a bad value came from.
 */
public final class JsonMappingFormat implements EventFormat {

    private final CanonicalEventParser parser = new CanonicalEventParser();

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        JsonMapping mapping = context.jsonMapping();
        if (mapping == null) {
            throw new MappingException("settings.jsonMapping", "is required by the mapping format");
        }
        List<CanonicalEvent> events = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<VendorRecord> records = VendorRecord.split(payload, context);
        for (int index = 0; index < records.size(); index++) {
            String at = payload.isArray() ? "[" + index + "]" : "";
            try {
                mapRecord(payload.isArray() ? payload.get(index) : payload, at, mapping).ifPresent(events::add);
            } catch (MappingException invalid) {
                errors.addAll(invalid.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new MappingException(errors);
        }
        return events;
    }

    private Optional<CanonicalEvent> mapRecord(JsonNode record, String at, JsonMapping mapping) {
        EventType type = selectType(record, at, mapping.type());
        if (type == null) {
            return Optional.empty();
        }
        Map<String, Class<?>> fieldsOfType = JsonMapping.canonicalFields(Set.of(type));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ObjectNode data = event.putObject("data");
        event.put("type", type.wireName());
        mapping.fields().forEach((field, source) -> {
            if (fieldsOfType.containsKey(field)) {
                JsonNode value = valueOf(record, at, field, source, fieldsOfType.get(field));
                if (value != null) {
                    (field.startsWith("data.") ? data : event).set(field.replaceFirst("^data\\.", ""), value);
                }
            }
        });
        return switch (parser.parse(event)) {
            case ParseResult.Valid<CanonicalEvent> valid -> Optional.of(valid.value());
            case ParseResult.Invalid<CanonicalEvent> invalid -> throw new MappingException(invalid.errors().stream()
                    .map(error -> vendorError(at, error, mapping.fields().get(error.field()))).toList());
        };
    }

    private static EventType selectType(JsonNode record, String at, JsonMapping.TypeSelection selection) {
        if (selection.fixed() != null) {
            return selection.fixed();
        }
        JsonNode value = record.at(selection.pointer());
        String where = at + selection.pointer();
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            throw new MappingException(where, "is required: its value selects the event type");
        }
        String vendorValue = value.asString();
        if (selection.ignored().contains(vendorValue)) {
            return null;
        }
        EventType type = selection.values().get(vendorValue);
        if (type == null) {
            throw new MappingException(where, "value \"" + vendorValue + "\" is neither in the mapping's type values "
                    + selection.values().keySet() + " nor ignored");
        }
        return type;
    }

    /** The canonical JSON value of one field, or {@code null} when the record lacks it. */
    private static JsonNode valueOf(JsonNode record, String at, String field, JsonMapping.FieldSource source,
                                    Class<?> javaType) {
        JsonNode value = source.constant() != null ? source.constant() : record.at(source.pointer());
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String where = source.pointer() != null ? at + source.pointer() : "mapping.fields." + field;
        try {
            if (source.divisor() != null) {
                BigDecimal divided = VendorRecord.divide(JsonValues.decimal(value), source.divisor());
                return JsonNodeFactory.instance.stringNode(JsonValues.format(divided));
            }
            if (source.timestampFormat() == JsonMapping.TimestampFormat.EPOCH_SECONDS) {
                return JsonNodeFactory.instance.stringNode(Instant.ofEpochSecond(JsonValues.integer(value)).toString());
            }
            if (source.timestampFormat() == JsonMapping.TimestampFormat.EPOCH_MILLIS) {
                return JsonNodeFactory.instance.stringNode(Instant.ofEpochMilli(JsonValues.integer(value)).toString());
            }
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            throw new MappingException(where, "(mapped to " + field + ") " + unreadable.getMessage());
        }
        // CRMs send ids and logins as numbers; the canonical contract wants them as strings.
        if (javaType != BigDecimal.class && value.isNumber()) {
            return JsonNodeFactory.instance.stringNode(JsonValues.text(value));
        }
        return value;
    }

    private static FieldError vendorError(String at, FieldError error, JsonMapping.FieldSource source) {
        if (source == null) {
            return new FieldError(error.field().equals("data") || error.field().equals("type") ? "mapping"
                    : "mapping.fields." + error.field(), (at.isEmpty() ? "" : at + ": ") + error.message()
                    + (error.message().equals("is required") ? "; the mapping gives it no source" : ""));
        }
        if (source.pointer() == null) {
            return new FieldError("mapping.fields." + error.field(), "the constant " + error.message());
        }
        return new FieldError(at + source.pointer(), "(mapped to " + error.field() + ") " + error.message());
    }
}
