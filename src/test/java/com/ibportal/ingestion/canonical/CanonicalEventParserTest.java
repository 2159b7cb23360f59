package com.ibportal.ingestion.canonical;

import com.ibportal.shared.CurrencyCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CanonicalEventParserTest {

    private final CanonicalEventParser parser = new CanonicalEventParser();

    private static ObjectNode trade() {
        return (ObjectNode) Fixtures.read("canonical/all-types.json").get(5).deepCopy();
    }

    private List<FieldError> errorsOf(JsonNode event) {
        ParseResult<CanonicalEvent> result = parser.parse(event);
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid<CanonicalEvent>) result).errors();
    }

    @Test
    void readsEveryEventTypeOfContractV1() {
        List<CanonicalEvent> events = parser.parseBatch(Fixtures.read("canonical/all-types.json")).orThrow();

        assertThat(events).extracting(CanonicalEvent::type).containsExactly(EventType.values());
        assertThat(events.get(0).data()).isEqualTo(new EventData.ClientRegistered("IB-ALPHA", "autumn",
                "ada@example.com", "DE"));
        assertThat(events.get(1).data()).isEqualTo(new EventData.KycChanged(KycStatus.APPROVED));
        assertThat(events.get(2).occurredAt()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(events.get(3).data()).isEqualTo(new EventData.WithdrawalCompleted("W-1", new BigDecimal("40.5"),
                CurrencyCode.of("USD"), null));
        assertThat(events.get(4).data()).isEqualTo(new EventData.DepositChargedBack("D-1"));
        EventData.TradeClosed trade = (EventData.TradeClosed) events.get(5).data();
        assertThat(trade.lots()).isEqualTo(new BigDecimal("0.50"));
        assertThat(trade.platform()).isEqualTo(Platform.MT5);
        assertThat(trade.swap()).isEqualTo(new BigDecimal("-3.10"));
        assertThat(trade.openedAt()).isEqualTo(Instant.parse("2026-10-02T05:56:40.120Z"));
    }

    @Test
    void readsDecimalNumbersFromTheirTextNeverThroughDouble() {
        ObjectNode event = trade();
        ((ObjectNode) event.get("data")).set("lots", Fixtures.json("0.123456789012345678"));
        ((ObjectNode) event.get("data")).set("profit", Fixtures.json("12345678901234567.25"));

        EventData.TradeClosed trade = (EventData.TradeClosed) parser.parse(event).orThrow().data();

        // As doubles these would read 0.12345678901234568 and 12345678901234568.
        assertThat(trade.lots()).isEqualTo(new BigDecimal("0.123456789012345678"));
        assertThat(trade.profit()).isEqualTo(new BigDecimal("12345678901234567.25"));
    }

    @Test
    void refusesDecimalsBeyondTheSupportedPrecision() {
        ObjectNode event = trade();
        ((ObjectNode) event.get("data")).put("lots", "0.1234567890123456789");
        ((ObjectNode) event.get("data")).put("profit", "123456789012345678901");

        assertThat(errorsOf(event)).containsExactly(
                new FieldError("data.lots", "has more than 18 decimal places"),
                new FieldError("data.profit", "is too large (more than 20 integer digits)"));
    }

    @Test
    void reportsEveryMissingRequiredFieldByName() {
        assertThat(errorsOf(Fixtures.json("{\"type\": \"trade.closed\", \"data\": {}}")))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("id", "occurredAt", "clientId", "data.dealId", "data.accountLogin",
                        "data.platform", "data.symbol", "data.lots", "data.openedAt", "data.closedAt", "data.currency");
    }

    @Test
    void reportsMissingDataOnceNotFieldByField() {
        assertThat(errorsOf(Fixtures.json("{\"id\": \"1\", \"type\": \"deposit.completed\", "
                + "\"occurredAt\": \"2026-10-01T09:00:00Z\", \"clientId\": \"C\"}")))
                .containsExactly(new FieldError("data", "is required"));
    }

    @Test
    void reportsWrongTypesWithReadableMessages() {
        ObjectNode event = trade();
        event.put("id", 42);
        ((ObjectNode) event.get("data")).put("lots", "two");
        ((ObjectNode) event.get("data")).put("profit", true);
        ((ObjectNode) event.get("data")).put("closedAt", "04.03.2024 09:55");
        ((ObjectNode) event.get("data")).put("openedAt", 1709546122);

        assertThat(errorsOf(event)).containsExactlyInAnyOrder(
                new FieldError("id", "must be a string, was a number"),
                new FieldError("data.lots", "must be a decimal like \"2.50\", was \"two\""),
                new FieldError("data.profit", "must be a decimal (a string like \"2.50\" or a number), was a boolean"),
                new FieldError("data.closedAt",
                        "must be an ISO-8601 instant with offset like \"2026-10-01T09:00:00Z\", was \"04.03.2024 09:55\""),
                new FieldError("data.openedAt",
                        "must be an ISO-8601 instant string like \"2026-10-01T09:00:00Z\", was a number"));
    }

    @Test
    void refusesAnInstantWithoutOffset() {
        ObjectNode event = trade();
        event.put("occurredAt", "2026-10-02T07:55:22");

        assertThat(errorsOf(event)).extracting(FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void namesTheKnownTypesWhenTheTypeIsUnknown() {
        ObjectNode event = trade();
        event.put("type", "trade.opened");

        assertThat(errorsOf(event)).containsExactly(new FieldError("type", "unknown event type \"trade.opened\"; "
                + "expected one of client.registered, client.kyc_changed, deposit.completed, withdrawal.completed, "
                + "deposit.charged_back, trade.closed"));
    }

    @Test
    void namesTheAllowedValuesOfABadEnum() {
        ObjectNode event = trade();
        ((ObjectNode) event.get("data")).put("platform", "mt5");

        assertThat(errorsOf(event)).containsExactly(new FieldError("data.platform",
                "must be one of MT4, MT5, CTRADER, MATCHTRADER, DXTRADE, OTHER, was \"mt5\""));
    }

    @Test
    void refusesNegativeOrZeroLots() {
        ObjectNode event = trade();
        ((ObjectNode) event.get("data")).put("lots", "-0.50");
        assertThat(errorsOf(event)).containsExactly(
                new FieldError("data.lots", "must be greater than zero, was -0.50"));

        ((ObjectNode) event.get("data")).put("lots", 0);
        assertThat(errorsOf(event)).extracting(FieldError::field).containsExactly("data.lots");
    }

    @Test
    void refusesAnAmountThatIsNotADecimal() {
        ObjectNode deposit = (ObjectNode) Fixtures.read("canonical/all-types.json").get(2).deepCopy();
        ((ObjectNode) deposit.get("data")).put("amount", "1,500.00");
        ((ObjectNode) deposit.get("data")).put("currency", "usd");

        assertThat(errorsOf(deposit)).containsExactly(
                new FieldError("data.amount", "must be a decimal like \"2.50\", was \"1,500.00\""),
                new FieldError("data.currency", "a currency must be a 3-letter upper-case ISO 4217 code like \"USD\""));
    }

    @Test
    void refusesAnIdLongerThan200Characters() {
        ObjectNode event = trade();
        event.put("id", "x".repeat(201));

        assertThat(errorsOf(event)).containsExactly(
                new FieldError("id", "is 201 characters long; at most 200 are allowed"));
        event.put("id", "x".repeat(200));
        assertThat(parser.parse(event)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void refusesATradeClosedBeforeItOpened() {
        ObjectNode event = trade();
        ((ObjectNode) event.get("data")).put("openedAt", "2026-10-02T08:00:00Z");

        assertThat(errorsOf(event)).extracting(FieldError::field).containsExactly("data.closedAt");
    }

    @Test
    void refusesSomethingThatIsNotAnEventObject() {
        assertThat(errorsOf(Fixtures.json("[1]").get(0))).containsExactly(new FieldError("event", "must be a JSON object"));
        assertThat(errorsOf(Fixtures.json("{\"id\":\"1\",\"type\":\"client.registered\",\"occurredAt\":"
                + "\"2026-10-01T09:00:00Z\",\"clientId\":\"C\",\"data\":[]}")))
                .containsExactly(new FieldError("data", "must be a JSON object, was an array"));
    }

    @Test
    void ignoresUnknownPropertiesSoTheContractCanGrow() {
        ObjectNode event = trade();
        event.put("source", "bridge-7");
        ((ObjectNode) event.get("data")).put("notionalUsd", "116570.00");

        assertThat(parser.parse(event)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void numbersBatchErrorsByPositionAndRefusesTheWholeBatch() {
        JsonNode batch = Fixtures.read("canonical/all-types.json").deepCopy();
        ((ObjectNode) batch.get(3).get("data")).put("amount", "-40.50");

        ParseResult<List<CanonicalEvent>> result = parser.parseBatch(batch);

        assertThat(result).isEqualTo(new ParseResult.Invalid<List<CanonicalEvent>>(List.of(
                new FieldError("[3].data.amount", "must be greater than zero, was -40.50"))));
        assertThatThrownBy(result::orThrow).isInstanceOf(ValidationException.class)
                .hasMessage("[3].data.amount: must be greater than zero, was -40.50");
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThat(parser.parseBatch(Fixtures.json("[]"))).isInstanceOf(ParseResult.Invalid.class);
    }
}
