package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.KycStatus;
import com.ibportal.ingestion.canonical.Platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonMappingFormatTest {

    private final JsonMappingFormat format = new JsonMappingFormat();

    private static FormatContext mapping(String config) {
        return FormatContext.builder().jsonMapping(JsonMapping.parse(Fixtures.read(config)).orThrow()).build();
    }

    @Test
    void mapsCrmWebhookEventsByTheirTypeFieldAndSkipsIgnoredOnes() {
        List<CanonicalEvent> events = format.map(Fixtures.read("mapping/crm-webhook-events.json"),
                mapping("mapping/crm-webhook-mapping.json"));

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("evt-1", "evt-2", "evt-4");
        assertThat(events.get(0).clientId()).as("a numeric customer number becomes a string").isEqualTo("100234");
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2024-03-01T13:33:20Z"));
        assertThat(events.get(0).data()).isEqualTo(new EventData.ClientRegistered("IB-ALPHA", "spring-2024",
                "ada@example.com", null));
        assertThat(events.get(1).data()).isEqualTo(new EventData.DepositCompleted("D-5501", new BigDecimal("250.00"),
                CurrencyCode.of("USD"), null));
        assertThat(events.get(2).data()).isEqualTo(new EventData.KycChanged(KycStatus.APPROVED));
    }

    @Test
    void dividesVolumeIntoLotsAndReadsEpochMillis() {
        CanonicalEvent trade = format.map(Fixtures.read("mapping/crm-trades.json"),
                mapping("mapping/crm-trade-mapping.json")).getFirst();

        assertThat(trade.id()).isEqualTo("90001");
        assertThat(trade.clientId()).isEqualTo("C-77");
        assertThat(trade.data()).isEqualTo(new EventData.TradeClosed("90001", "1020", Platform.MT5, "EURUSD",
                new BigDecimal("2.5"), Instant.parse("2024-03-04T07:56:40.120Z"),
                Instant.parse("2024-03-04T09:55:22.417Z"), null, new BigDecimal("-12.40"), null, null,
                CurrencyCode.of("USD")));
    }

    @Test
    void namesTheVendorPointerOfABadValue() {
        JsonNode events = Fixtures.read("mapping/crm-webhook-events.json").deepCopy();
        ((ObjectNode) events.get(1)).put("amount", "12,50");
        ((ObjectNode) events.get(1)).remove("tx_id");

        assertThatThrownBy(() -> format.map(events, mapping("mapping/crm-webhook-mapping.json")))
                .isInstanceOfSatisfying(MappingException.class, invalid -> assertThat(invalid.errors()).containsExactly(
                        new FieldError("[1]/amount", "(mapped to data.amount) must be a decimal like \"2.50\", was \"12,50\""),
                        new FieldError("[1]/tx_id", "(mapped to data.transactionId) is required")));
    }

    @Test
    void refusesATypeValueThatIsNeitherMappedNorIgnored() {
        JsonNode events = Fixtures.read("mapping/crm-webhook-events.json").deepCopy();
        ((ObjectNode) events.get(2)).put("event", "deposit_failed");

        assertThatThrownBy(() -> format.map(events, mapping("mapping/crm-webhook-mapping.json")))
                .hasMessageStartingWith("[2]/event: value \"deposit_failed\" is neither in the mapping's type values");
    }

    @Test
    void saysWhenAFieldTheEventNeedsHasNoSource() {
        FormatContext withoutAmount = FormatContext.builder().jsonMapping(JsonMapping.parse(Fixtures.json("""
                {"type": {"fixed": "deposit.completed"},
                 "fields": {"id": "/tx", "clientId": "/c", "occurredAt": "/t", "data.transactionId": "/tx",
                            "data.currency": {"constant": "USD"}}}""")).orThrow()).build();

        assertThatThrownBy(() -> format.map(Fixtures.json(
                "{\"tx\": \"T-1\", \"c\": \"C-1\", \"t\": \"2024-03-04T09:00:00Z\"}"), withoutAmount))
                .hasMessage("mapping.fields.data.amount: is required; the mapping gives it no source");
    }

    @Test
    void needsAMapping() {
        assertThatThrownBy(() -> format.map(Fixtures.json("{}"), FormatContext.builder().build()))
                .hasMessage("settings.jsonMapping: is required by the mapping format");
    }
}
