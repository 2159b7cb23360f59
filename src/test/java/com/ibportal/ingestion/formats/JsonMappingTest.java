package com.ibportal.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ibportal.ingestion.canonical.EventType;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.Fixtures;
import com.ibportal.ingestion.canonical.ParseResult;

class JsonMappingTest {

    private static List<FieldError> errorsOf(String config) {
        ParseResult<JsonMapping> result = JsonMapping.parse(Fixtures.json(config));
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid<JsonMapping>) result).errors();
    }

    @Test
    void readsAMappingWithATypeTableIgnoredValuesConstantsDivisorsAndTimestampFormats() {
        JsonMapping webhook = JsonMapping.parse(Fixtures.read("mapping/crm-webhook-mapping.json")).orThrow();
        JsonMapping trades = JsonMapping.parse(Fixtures.read("mapping/crm-trade-mapping.json")).orThrow();

        assertThat(webhook.type().values()).containsEntry("deposit", EventType.DEPOSIT_COMPLETED);
        assertThat(webhook.type().ignored()).containsExactly("login");
        assertThat(webhook.fields().get("occurredAt").timestampFormat())
                .isEqualTo(JsonMapping.TimestampFormat.EPOCH_SECONDS);
        assertThat(trades.type().fixed()).isEqualTo(EventType.TRADE_CLOSED);
        assertThat(trades.fields().get("data.lots").divisor()).isEqualTo(new BigDecimal("100"));
        assertThat(trades.fields().get("data.platform").constant().stringValue()).isEqualTo("MT5");
    }

    @Test
    void namesAnUnknownCanonicalFieldAndListsTheKnownOnes() {
        List<FieldError> errors = errorsOf("""
                {"type": {"fixed": "deposit.completed"},
                 "fields": {"id": "/id", "clientId": "/c", "occurredAt": "/t", "data.lots": "/volume"}}""");

        assertThat(errors).containsExactly(new FieldError("fields.data.lots", "is not a canonical field of the "
                + "selected event types; known fields: id, occurredAt, clientId, data.transactionId, data.amount, "
                + "data.currency, data.accountLogin"));
    }

    @Test
    void refusesPointersThatAreNotRfc6901() {
        List<FieldError> errors = errorsOf("""
                {"type": {"pointer": "event", "values": {"d": "deposit.completed"}},
                 "fields": {"id": "id", "clientId": {"pointer": "/a~2b"}, "occurredAt": "/t"}}""");

        assertThat(errors).extracting(FieldError::field).containsExactly("type.pointer", "fields.id",
                "fields.clientId.pointer");
        assertThat(errors.getFirst().message()).startsWith("is not a JSON pointer (RFC 6901)");
    }

    @Test
    void refusesUnknownEventTypesInTheTypeSelection() {
        assertThat(errorsOf("""
                {"type": {"pointer": "/event", "values": {"dep": "deposit.done"}},
                 "fields": {"id": "/id", "clientId": "/c", "occurredAt": "/t"}}"""))
                .extracting(FieldError::field).containsExactly("type.values.dep");
        assertThat(errorsOf("{\"type\": {}, \"fields\": {}}")).extracting(FieldError::field)
                .containsExactly("type", "fields.id", "fields.occurredAt", "fields.clientId");
    }

    @Test
    void requiresTheEnvelopeFieldsAndSensibleOptions() {
        List<FieldError> errors = errorsOf("""
                {"type": {"fixed": "trade.closed"},
                 "fields": {"data.symbol": {"pointer": "/s", "divisor": "10"},
                            "data.lots": {"pointer": "/v", "divisor": "0"},
                            "data.openedAt": {"pointer": "/o", "timestampFormat": "EPOCH_NANOS"},
                            "data.profit": {"pointer": "/p", "constant": "1"}}}""");

        assertThat(errors).containsExactly(
                new FieldError("fields.data.symbol.divisor", "applies only to decimal fields (lots, amounts)"),
                new FieldError("fields.data.lots.divisor", "must be greater than zero"),
                new FieldError("fields.data.openedAt.timestampFormat", "must be one of ISO, EPOCH_SECONDS, EPOCH_MILLIS"),
                new FieldError("fields.data.profit", "must be a JSON pointer string, {\"pointer\": \"/…\"} or "
                        + "{\"constant\": …}"),
                new FieldError("fields.id", "is required: every event has one"),
                new FieldError("fields.occurredAt", "is required: every event has one"),
                new FieldError("fields.clientId", "is required: every event has one"));
    }
}
