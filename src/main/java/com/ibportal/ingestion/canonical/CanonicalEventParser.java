package com.ibportal.ingestion.canonical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Reads canonical events v1 from JSON and reports every problem with a field name ({@code data.lots},
 * {@code occurredAt}, in a batch {@code [2].data.lots}). Unknown properties are ignored so that the contract can
 * grow new optional fields without breaking older senders or readers.
 */
public final class CanonicalEventParser {

    /** Reads one event. */
    public ParseResult<CanonicalEvent> parse(JsonNode node) {
        Map<String, String> errors = FieldReader.newErrors();
        CanonicalEvent event = read(node, errors);
        return errors.isEmpty() ? new ParseResult.Valid<>(event) : new ParseResult.Invalid<>(FieldReader.toList(errors));
    }

    /** Reads one event or an array of events; a batch is all-or-nothing, so any error makes the whole batch invalid. */
    public ParseResult<List<CanonicalEvent>> parseBatch(JsonNode node) {
        if (node == null || !node.isArray()) {
            return switch (parse(node)) {
                case ParseResult.Valid<CanonicalEvent> valid -> new ParseResult.Valid<>(List.of(valid.value()));
                case ParseResult.Invalid<CanonicalEvent> invalid -> new ParseResult.Invalid<>(invalid.errors());
            };
        }
        if (node.isEmpty()) {
            return new ParseResult.Invalid<>(List.of(new FieldError("events", "the array holds no event")));
        }
        List<CanonicalEvent> events = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            switch (parse(node.get(index))) {
                case ParseResult.Valid<CanonicalEvent> valid -> events.add(valid.value());
                case ParseResult.Invalid<CanonicalEvent> invalid -> {
                    String position = "[" + index + "]";
                    invalid.errors().forEach(error -> errors.add(error.under(position)));
                }
            }
        }
        return errors.isEmpty() ? new ParseResult.Valid<>(events) : new ParseResult.Invalid<>(errors);
    }

    private CanonicalEvent read(JsonNode node, Map<String, String> errors) {
        if (node == null || !node.isObject()) {
            errors.put("event", "must be a JSON object");
            return null;
        }
        FieldReader envelope = new FieldReader(node, "", errors);
        String id = envelope.text("id");
        Instant occurredAt = envelope.instant("occurredAt");
        String clientId = envelope.text("clientId");
        EventType type = readType(envelope, errors);
        EventData data = null;
        JsonNode dataNode = node.get("data");
        if (dataNode != null && !dataNode.isNull() && !dataNode.isObject()) {
            errors.put("data", "must be a JSON object, was " + JsonValues.kind(dataNode));
        } else if (dataNode != null && !dataNode.isNull() && type != null) {
            data = readData(type, dataNode, errors);
        }
        boolean dataWasSent = dataNode != null && !dataNode.isNull();
        try {
            return new CanonicalEvent(id, type, occurredAt, clientId, data);
        } catch (ValidationException invalid) {
            // Data that was sent but could not be read is reported field by field or through the type; "data is
            // required" on top would only confuse.
            FieldReader.record(errors, "", invalid.errors().stream()
                    .filter(error -> !(dataWasSent && error.field().equals("data"))).toList());
            return null;
        }
    }

    private static EventType readType(FieldReader envelope, Map<String, String> errors) {
        String wireName = envelope.text("type");
        if (wireName == null) {
            return null;
        }
        Optional<EventType> type = EventType.fromWireName(wireName);
        if (type.isEmpty()) {
            errors.put("type", "unknown event type \"" + JsonValues.abbreviate(wireName) + "\"; expected one of "
                    + EventType.wireNames());
        }
        return type.orElse(null);
    }

    private static EventData readData(EventType type, JsonNode node, Map<String, String> errors) {
        FieldReader data = new FieldReader(node, "data.", errors);
        int errorsBefore = errors.size();
        try {
            EventData read = switch (type) {
                case CLIENT_REGISTERED -> new EventData.ClientRegistered(data.text("referralCode"),
                        data.text("campaign"), data.text("email"), data.text("country"));
                case CLIENT_KYC_CHANGED -> new EventData.KycChanged(data.enumValue("status", KycStatus.class));
                case DEPOSIT_COMPLETED -> new EventData.DepositCompleted(data.text("transactionId"),
                        data.decimal("amount"), data.currency("currency"), data.text("accountLogin"));
                case WITHDRAWAL_COMPLETED -> new EventData.WithdrawalCompleted(data.text("transactionId"),
                        data.decimal("amount"), data.currency("currency"), data.text("accountLogin"));
                case DEPOSIT_CHARGED_BACK -> new EventData.DepositChargedBack(data.text("transactionId"));
                case TRADE_CLOSED -> new EventData.TradeClosed(data.text("dealId"), data.text("accountLogin"),
                        data.enumValue("platform", Platform.class), data.text("symbol"), data.decimal("lots"),
                        data.instant("openedAt"), data.instant("closedAt"), data.decimal("spreadRevenue"),
                        data.decimal("profit"), data.decimal("swap"), data.decimal("commission"),
                        data.currency("currency"));
            };
            return errors.size() == errorsBefore ? read : null;
        } catch (ValidationException invalid) {
            FieldReader.record(errors, "data", invalid.errors());
            return null;
        }
    }
}
