package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.Fixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventFormatsTest {

    private final EventFormats formats = EventFormats.standard();

    @Test
    void knowsEveryFormatOfTheContract() {
        assertThat(formats.names()).containsExactly("canonical", "mt5", "mt4", "ctrader", "matchtrader", "dxtrade",
                "mapping");
        formats.names().forEach(name -> assertThat(formats.get(name).name()).isEqualTo(name));
    }

    @Test
    void namesTheKnownFormatsForAnUnknownName() {
        assertThatThrownBy(() -> formats.get("mt6")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format \"mt6\"; known formats: canonical, mt5, mt4, ctrader, matchtrader, "
                        + "dxtrade, mapping");
    }

    @Test
    void theCanonicalFormatPassesCanonicalEventsThroughUnchanged() {
        JsonNode events = Fixtures.read("canonical/all-types.json");

        assertThat(formats.get("canonical").map(events, FormatContext.builder().build()))
                .isEqualTo(new CanonicalEventParser().parseBatch(events).orThrow());
    }

    @Test
    void theCanonicalFormatRefusesInvalidEventsWithTheirFieldNames() {
        JsonNode events = Fixtures.read("canonical/all-types.json").deepCopy();
        ((ObjectNode) events.get(5).get("data")).put("lots", "-1");

        assertThatThrownBy(() -> formats.get("canonical").map(events, FormatContext.builder().build()))
                .isInstanceOf(MappingException.class).hasMessage("[5].data.lots: must be greater than zero, was -1");
    }
}
