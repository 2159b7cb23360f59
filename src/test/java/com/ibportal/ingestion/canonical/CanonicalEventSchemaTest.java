package com.ibportal.ingestion.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the published JSON Schema and the parser in step without a schema validator on the classpath: the schema's
 * types, properties, required lists and enums must be exactly what the parser and the records accept and demand.
 */
class CanonicalEventSchemaTest {

    private static JsonNode schema;
    private final CanonicalEventParser parser = new CanonicalEventParser();

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = CanonicalEventSchemaTest.class.getResourceAsStream("/schema/canonical-event-v1.schema.json")) {
            schema = JsonValues.mapper().readTree(in);
        }
    }

    @Test
    void isDraft2020_12AndListsExactlyTheEventTypes() {
        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(strings(schema.at("/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    @Test
    void requiresTheEnvelopeFieldsTheParserRequires() {
        ObjectNode event = example(EventType.DEPOSIT_COMPLETED);
        Set<String> requiredByParser = new LinkedHashSet<>();
        event.propertyNames().forEach(name -> {
            ObjectNode without = event.deepCopy();
            without.remove(name);
            if (parser.parse(without) instanceof ParseResult.Invalid<CanonicalEvent> invalid
                    && invalid.errors().stream().anyMatch(error -> error.field().equals(name))) {
                requiredByParser.add(name);
            }
        });

        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrderElementsOf(requiredByParser);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void describesEachTypesDataExactlyAsTheParserReadsIt(EventType type) {
        JsonNode definition = dataDefinition(type);
        Set<String> components = Arrays.stream(type.dataType().getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toSet());
        assertThat(definition.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);

        ObjectNode event = example(type);
        ObjectNode data = (ObjectNode) event.get("data");
        assertThat(data.propertyNames()).as("the example sets every field").containsExactlyInAnyOrderElementsOf(components);
        Set<String> requiredByParser = components.stream().filter(field -> {
            ObjectNode without = event.deepCopy();
            ((ObjectNode) without.get("data")).remove(field);
            return parser.parse(without) instanceof ParseResult.Invalid<CanonicalEvent>;
        }).collect(Collectors.toSet());

        Set<String> requiredBySchema = definition.has("required") ? strings(definition.get("required")) : Set.of();
        assertThat(requiredBySchema).containsExactlyInAnyOrderElementsOf(requiredByParser);
    }

    @Test
    void listsTheSameEnumValuesAsTheModel() {
        assertThat(strings(schema.at("/$defs/kycChanged/properties/status/enum")))
                .containsExactlyElementsOf(Arrays.stream(KycStatus.values()).map(Enum::name).toList());
        assertThat(strings(schema.at("/$defs/tradeClosed/properties/platform/enum")))
                .containsExactlyElementsOf(Arrays.stream(Platform.values()).map(Enum::name).toList());
    }

    @Test
    void limitsIdentifiersAsTheRecordsDo() {
        assertThat(schema.at("/$defs/identifier/maxLength").asInt()).isEqualTo(Violations.MAX_IDENTIFIER_LENGTH);
    }

    private static JsonNode dataDefinition(EventType type) {
        JsonNode branch = StreamSupport.stream(schema.get("allOf").spliterator(), false)
                .filter(candidate -> candidate.at("/if/properties/type/const").stringValue().equals(type.wireName()))
                .findFirst().orElseThrow();
        String reference = branch.at("/then/properties/data/$ref").stringValue();
        return schema.at(reference.substring(1));
    }

    private static ObjectNode example(EventType type) {
        for (JsonNode event : Fixtures.read("canonical/all-types.json")) {
            if (event.get("type").stringValue().equals(type.wireName())) {
                ObjectNode copy = (ObjectNode) event.deepCopy();
                if (type == EventType.WITHDRAWAL_COMPLETED) {
                    ((ObjectNode) copy.get("data")).put("accountLogin", "1020");
                }
                return copy;
            }
        }
        throw new IllegalArgumentException("no example of " + type);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }
}
