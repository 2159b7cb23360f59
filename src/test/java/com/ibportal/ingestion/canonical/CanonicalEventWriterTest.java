package com.ibportal.ingestion.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class CanonicalEventWriterTest {

    private final CanonicalEventParser parser = new CanonicalEventParser();
    private final CanonicalEventWriter writer = new CanonicalEventWriter();

    @Test
    void writesEventsThatReadBackEqual() {
        List<CanonicalEvent> events = parser.parseBatch(Fixtures.read("canonical/all-types.json")).orThrow();

        JsonNode written = writer.writeAll(events);

        assertThat(parser.parseBatch(written).orThrow()).isEqualTo(events);
        assertThat(parser.parseBatch(Fixtures.json(written.toString())).orThrow()).isEqualTo(events);
    }

    @Test
    void writesDecimalsAsStringsAndInstantsInUtc() {
        List<CanonicalEvent> events = parser.parseBatch(Fixtures.read("canonical/all-types.json")).orThrow();

        JsonNode deposit = writer.write(events.get(2));
        JsonNode withdrawal = writer.write(events.get(3));
        JsonNode trade = writer.write(events.get(5));

        assertThat(deposit.get("occurredAt").stringValue()).isEqualTo("2026-10-01T09:00:00Z");
        assertThat(deposit.get("data").get("amount").isString()).isTrue();
        assertThat(deposit.get("data").get("amount").stringValue()).isEqualTo("150.00");
        assertThat(withdrawal.get("data").get("amount").stringValue()).isEqualTo("40.5");
        assertThat(withdrawal.get("data").has("accountLogin")).isFalse();
        assertThat(trade.get("data").get("lots").stringValue()).isEqualTo("0.50");
        assertThat(trade.get("data").get("openedAt").stringValue()).isEqualTo("2026-10-02T05:56:40.120Z");
        assertThat(trade.get("type").stringValue()).isEqualTo("trade.closed");
    }

    @Test
    void writesOneEventAsCompactJson() {
        CanonicalEvent kyc = parser.parseBatch(Fixtures.read("canonical/all-types.json")).orThrow().get(1);

        assertThat(writer.writeString(kyc)).isEqualTo("{\"id\":\"crm-2\",\"type\":\"client.kyc_changed\","
                + "\"occurredAt\":\"2026-10-01T10:00:00Z\",\"clientId\":\"C-1\",\"data\":{\"status\":\"APPROVED\"}}");
    }
}
