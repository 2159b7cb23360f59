package com.ibportal.ingestion.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.ingestion.canonical.EventData;
import com.ibportal.ingestion.canonical.FieldError;
import com.ibportal.ingestion.canonical.JsonValues;
import com.ibportal.ingestion.canonical.ValidationException;

import tools.jackson.databind.JsonNode;

/**
 * One vendor record with its place in the payload ({@code [2]}, {@code [0].deal[1]}) and the connector's settings.
 * Every read either returns a value or throws a {@link MappingException} naming the vendor field, so the mappers read
 * like the vendor's documentation and share one way of failing.
 */
final class VendorRecord {

    /** Quotients that do not terminate (units / an odd contract size) keep this many places before rounding. */
    private static final int DIVISION_SCALE = 10;

    private final JsonNode node;
    private final String path;
    private final FormatContext context;

    private VendorRecord(JsonNode node, String path, FormatContext context) {
        this.node = node;
        this.path = path;
        this.context = context;
    }

    /** A payload is one record or an array of records; anything else is refused. */
    static List<VendorRecord> split(JsonNode payload, FormatContext context) {
        if (payload == null || !(payload.isObject() || payload.isArray())) {
            throw new MappingException("payload", "must be a JSON object or an array of objects");
        }
        return new VendorRecord(payload, "", context).objects(payload, "");
    }

    /** The record, or each record of an array, found at {@code field} of this one (e.g. a cTrader envelope). */
    List<VendorRecord> children(String field) {
        return objects(node.get(field), where(field));
    }

    VendorRecord child(String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isObject()) {
            throw fail(field, child == null || child.isNull() ? "is required" : "must be a JSON object");
        }
        return new VendorRecord(child, where(field), context);
    }

    private List<VendorRecord> objects(JsonNode value, String at) {
        List<VendorRecord> records = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (int index = 0; index < value.size(); index++) {
                String elementPath = at + "[" + index + "]";
                if (!value.get(index).isObject()) {
                    throw new MappingException(elementPath, "must be a JSON object");
                }
                records.add(new VendorRecord(value.get(index), elementPath, context));
            }
        } else if (value != null && value.isObject()) {
            records.add(new VendorRecord(value, at, context));
        } else {
            throw new MappingException(at.isEmpty() ? "payload" : at, "must be a JSON object or an array of objects");
        }
        return records;
    }

    FormatContext context() {
        return context;
    }

    /** True when the field is present with a value; empty strings count as absent, as MT5 leaves fields empty. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && !(value.isString() && value.stringValue().isBlank());
    }

    String text(String field) {
        return required(field, JsonValues::text);
    }

    /** The text, or {@code null} when absent or blank. */
    String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    BigDecimal decimal(String field) {
        return required(field, JsonValues::decimal);
    }

    BigDecimal optionalDecimal(String field) {
        return has(field) ? decimal(field) : null;
    }

    long integer(String field) {
        return required(field, JsonValues::integer);
    }

    Instant instant(String field) {
        return required(field, JsonValues::instant);
    }

    /** Unix milliseconds in UTC (cTrader). */
    Instant epochMillis(String field) {
        return Instant.ofEpochMilli(integer(field));
    }

    /**
     * Seconds or milliseconds since 1970 counted in the trade server's wall-clock time, as MT4 and MT5 write them:
     * the number reads as a UTC date-time that is really local to {@link FormatContext#serverZone()}.
     */
    Instant serverLocalTime(String field, boolean millis) {
        long value = integer(field);
        if (value <= 0) {
            throw fail(field, "must be a time after 1970, was " + value);
        }
        Instant asIfUtc = millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return LocalDateTime.ofInstant(asIfUtc, ZoneOffset.UTC).atZone(context.serverZone()).toInstant();
    }

    /** An amount in minor units as cTrader sends money: {@code value / 10^moneyDigits}, exact. */
    BigDecimal money(String field, int moneyDigits) {
        return BigDecimal.valueOf(integer(field)).movePointLeft(moneyDigits);
    }

    int moneyDigits(String field) {
        long digits = integer(field);
        if (digits < 0 || digits > 18) {
            throw fail(field, "must be between 0 and 18, was " + digits);
        }
        return (int) digits;
    }

    /** Platform volume in fractions of a lot (MT5 1/10000, MT4 1/100) as standard lots. */
    BigDecimal lots(String field, BigDecimal unitsPerLot) {
        return divide(decimal(field).abs(), unitsPerLot);
    }

    /** The connector's contract size for a symbol; a missing one is a settings problem, named as such. */
    BigDecimal unitsPerLot(String symbolField, String symbol) {
        return context.unitsPerLotOf(symbol).orElseThrow(() -> fail(symbolField,
                "no contract size (units per lot) is configured for instrument \"" + symbol
                        + "\"; add it to the connector's unitsPerLot setting"));
    }

    CurrencyCode accountCurrency(String loginField, String login) {
        return context.currencyOf(login).orElseThrow(() -> fail(loginField,
                "no currency is configured for account " + login + "; set the connector's accountCurrency"));
    }

    /** A currency the vendor record names itself; vendors write "usd" as often as "USD". */
    CurrencyCode currency(String field) {
        return required(field, value -> CurrencyCode.of(JsonValues.text(value).toUpperCase(Locale.ROOT)));
    }

    /** The record's own currency when it has one, else its account's configured currency. */
    CurrencyCode currencyOrAccountCurrency(String field, String loginField, String login) {
        return has(field) ? currency(field) : accountCurrency(loginField, login);
    }

    /** The connector's server id, which prefixes every platform event id. */
    String eventId(String key) {
        if (context.serverId() == null) {
            throw new MappingException("settings.serverId", "is required: it prefixes event ids so that tickets of "
                    + "different servers never collide");
        }
        return context.serverId() + ":" + key;
    }

    /** Builds the event; a canonical invariant the vendor data breaks is reported at this record. */
    CanonicalEvent event(String idKey, Instant occurredAt, String login, Supplier<EventData> data) {
        String id = eventId(idKey);
        EventData built = canonical(data, "data.");
        return canonical(() -> CanonicalEvent.of(id, occurredAt, context.clientIdOf(login), built), "");
    }

    /**
     * A balance change: a deposit or a withdrawal of a positive amount, the direction given by the vendor's sign or
     * type. The transaction id is the vendor's ticket, so a chargeback can name it.
     */
    CanonicalEvent cashTransfer(String idKey, Instant at, String login, String ticket, boolean deposit,
                                BigDecimal amount, CurrencyCode currency) {
        return event(idKey, at, login, () -> deposit
                ? new EventData.DepositCompleted(ticket, amount, currency, login)
                : new EventData.WithdrawalCompleted(ticket, amount, currency, login));
    }

    private <T> T canonical(Supplier<T> build, String prefix) {
        try {
            return build.get();
        } catch (MappingException vendorFieldProblem) {
            throw vendorFieldProblem;
        } catch (ValidationException invalid) {
            throw new MappingException(invalid.errors().stream()
                    .map(error -> new FieldError(label(), "maps to an invalid event: " + prefix + error))
                    .toList());
        }
    }

    MappingException fail(String field, String reason) {
        return new MappingException(where(field), reason);
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private String label() {
        return path.isEmpty() ? "record" : path;
    }

    private <T> T required(String field, Function<JsonNode, T> reader) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            throw fail(field, "is required");
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException wrongShape) {
            throw fail(field, wrongShape.getMessage());
        }
    }

    /** Exact when the quotient terminates, so 5000 / 10000 stays 0.5; otherwise rounded half-even. */
    static BigDecimal divide(BigDecimal value, BigDecimal divisor) {
        try {
            return value.divide(divisor);
        } catch (ArithmeticException nonTerminating) {
            return value.divide(divisor, DIVISION_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
    }
}
