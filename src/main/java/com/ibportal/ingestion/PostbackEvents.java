package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.ParseResult;
import com.ibportal.shared.Hashing;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A URL postback's parameters as one canonical event. The event is built as canonical JSON and judged by
 * {@link CanonicalEventParser}, so postbacks obey exactly the webhook rules; errors name the postback parameter
 * ({@code amount}, {@code client_id}), not the canonical field.
 */
final class PostbackEvents {

    /** Longest epoch-seconds value accepted (9999-12-31T23:59:59Z); a larger number is taken for milliseconds. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final int MAX_ID_LENGTH = 200;

    /** Postback event names and the canonical type each becomes. {@code ftd} is a deposit: the portal finds the first. */
    static final Map<String, String> TYPES = Map.of(
            "registration", "client.registered",
            "ftd", "deposit.completed",
            "deposit", "deposit.completed",
            "withdrawal", "withdrawal.completed",
            "chargeback", "deposit.charged_back",
            "kyc", "client.kyc_changed");

    private final CanonicalEventParser parser = new CanonicalEventParser();

    private PostbackEvents() {
    }

    static PostbackEvents create() {
        return new PostbackEvents();
    }

    /**
     * @param parameters first value per parameter name (query and form body together), the token already removed
     * @param receivedAt the default for a missing {@code occurred_at}
     * @throws InvalidInputException naming the parameters at fault
     */
    CanonicalEvent map(Map<String, String> parameters, Instant receivedAt) {
        Map<String, String> fieldToParameter = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        String event = value(parameters, "event");
        String type = event == null ? null : TYPES.get(event.toLowerCase(Locale.ROOT));
        if (event == null) {
            throw InvalidInputException.of("event", "is required: one of " + String.join(", ", names()));
        }
        if (type == null) {
            throw InvalidInputException.of("event", "must be one of " + String.join(", ", names()));
        }
        String kind = event.toLowerCase(Locale.ROOT);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        ObjectNode data = nodes.objectNode();
        String clientId = value(parameters, "client_id");
        boolean timeGiven = value(parameters, "occurred_at") != null;
        Instant occurredAt = timeGiven ? occurredAt(value(parameters, "occurred_at"), problems) : receivedAt;
        String status = value(parameters, "status");
        if (status != null && kind.equals("kyc")) {
            status = status.toUpperCase(Locale.ROOT);
        }
        String transactionId = value(parameters, "transaction_id");
        switch (type) {
            case "client.registered" -> {
                put(data, "referralCode", parameters, fieldToParameter, "referral_code", "ref");
                put(data, "campaign", parameters, fieldToParameter, "campaign", "sub");
                put(data, "email", parameters, fieldToParameter, "email");
                put(data, "country", parameters, fieldToParameter, "country");
            }
            case "deposit.completed", "withdrawal.completed" -> {
                put(data, "transactionId", parameters, fieldToParameter, "transaction_id");
                put(data, "amount", parameters, fieldToParameter, "amount");
                put(data, "currency", parameters, fieldToParameter, "currency");
                put(data, "accountLogin", parameters, fieldToParameter, "account_login");
            }
            case "deposit.charged_back" -> put(data, "transactionId", parameters, fieldToParameter, "transaction_id");
            case "client.kyc_changed" -> {
                fieldToParameter.put("data.status", "status");
                if (status != null) {
                    data.put("status", status);
                }
            }
            default -> throw new IllegalStateException(type);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = value(parameters, "id");
        if (id == null) {
            id = derivedId(kind, clientId, transactionId, status, timeGiven ? occurredAt : null);
        }
        json.put("id", id);
        json.put("type", type);
        json.put("occurredAt", occurredAt.toString());
        if (clientId != null) {
            json.put("clientId", clientId);
        }
        json.set("data", data);
        fieldToParameter.put("id", "id");
        fieldToParameter.put("type", "event");
        fieldToParameter.put("occurredAt", "occurred_at");
        fieldToParameter.put("clientId", "client_id");
        return switch (parser.parse(json)) {
            case ParseResult.Valid<CanonicalEvent> valid -> valid.value();
            case ParseResult.Invalid<CanonicalEvent> invalid -> throw new InvalidInputException(invalid.errors().stream()
                    .map(error -> problem(error, fieldToParameter)).toList());
        };
    }

    /**
     * The id of a postback that carries none: the same business fact gives the same id, so a retried postback is a
     * duplicate. {@code ftd} and {@code deposit} share one id (a CRM may fire both for one first deposit). A KYC
     * change is one per client and status, unless the sender dates it. Parts are escaped so that {@code :} inside a
     * client id cannot make two facts collide; an id over 200 characters becomes its SHA-256.
     */
    static String derivedId(String kind, String clientId, String transactionId, String status, Instant datedAt) {
        String id = switch (kind) {
            case "registration" -> "pb:registration:" + escape(clientId);
            case "ftd", "deposit" -> "pb:deposit:" + escape(clientId) + ":" + escape(transactionId);
            case "withdrawal" -> "pb:withdrawal:" + escape(clientId) + ":" + escape(transactionId);
            case "chargeback" -> "pb:chargeback:" + escape(clientId) + ":" + escape(transactionId);
            case "kyc" -> "pb:kyc:" + escape(clientId) + ":" + escape(status)
                    + (datedAt == null ? "" : ":" + datedAt);
            default -> throw new IllegalArgumentException(kind);
        };
        return id.length() <= MAX_ID_LENGTH ? id : "pb:sha256:" + Hashing.sha256Hex(id);
    }

    private static String escape(String part) {
        return part == null ? "" : part.replace("%", "%25").replace(":", "%3A");
    }

    private static Instant occurredAt(String text, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        if (DIGITS.matcher(text).matches()) {
            long seconds = Long.parseLong(text.length() > 18 ? "-1" : text);
            if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
                problems.add(new FieldProblem("occurred_at", "must be epoch seconds (not milliseconds) or an ISO-8601 "
                        + "time with offset such as 2026-10-01T09:00:00Z"));
                return null;
            }
            return Instant.ofEpochSecond(seconds);
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException notIso) {
            problems.add(new FieldProblem("occurred_at", "must be an ISO-8601 time with offset such as "
                    + "2026-10-01T09:00:00Z, or epoch seconds"));
            return null;
        }
    }

    private static void put(ObjectNode data, String field, Map<String, String> parameters,
                            Map<String, String> fieldToParameter, String... names) {
        fieldToParameter.put("data." + field, names[0]);
        for (String name : names) {
            String value = value(parameters, name);
            if (value != null) {
                data.put(field, value);
                fieldToParameter.put("data." + field, name);
                return;
            }
        }
    }

    /** Blank counts as absent: postback templates leave unfilled macros empty. */
    private static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static FieldProblem problem(FieldError error, Map<String, String> fieldToParameter) {
        String parameter = fieldToParameter.getOrDefault(error.field(), error.field());
        return new FieldProblem(parameter, error.message());
    }

    static List<String> names() {
        return List.of("registration", "ftd", "deposit", "kyc", "withdrawal", "chargeback");
    }
}
