package com.ibportal.ingestion.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the contract's scalar shapes from JSON nodes: decimals (string or number) and ISO-8601 instants. Shared by the
 * canonical parser and every vendor mapper so that "2.50" means the same thing everywhere. Each method throws
 * {@link IllegalArgumentException} with a message that completes the sentence "field …".
 */
public final class JsonValues {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    /** Wider than DECIMAL(19,4) on purpose: mappers divide before rounding; storage rounds at the edge. */
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_FRACTION_DIGITS = 18;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonValues() {
    }

    /**
     * A mapper that keeps JSON numbers with a fraction as exact BigDecimals. Whoever reads request bodies must be
     * configured like this; a default mapper turns {@code 0.1} into a double before this class ever sees it.
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static BigDecimal decimal(JsonNode node) {
        BigDecimal value;
        if (node.isString()) {
            String text = node.stringValue();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("must be a decimal like \"2.50\", was \"" + abbreviate(text) + "\"");
            }
            value = new BigDecimal(text);
        } else if (node.isIntegralNumber()) {
            value = new BigDecimal(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            value = node.decimalValue();
        } else if (node.isNumber()) {
            // A double already lost digits when it was parsed; its shortest text form is the best that is left.
            try {
                value = new BigDecimal(node.asString());
            } catch (NumberFormatException notFinite) {
                throw new IllegalArgumentException("must be a finite decimal");
            }
        } else {
            throw new IllegalArgumentException("must be a decimal (a string like \"2.50\" or a number), was " + kind(node));
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("is too large (more than " + MAX_INTEGER_DIGITS + " integer digits)");
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("has more than " + MAX_FRACTION_DIGITS + " decimal places");
        }
        return value;
    }

    /** A whole number given as a JSON number or a numeric string, as MT5 sends every number. */
    public static long integer(JsonNode node) {
        BigDecimal value = decimal(node);
        try {
            return value.longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException("must be a whole number, was " + value.toPlainString());
        }
    }

    /** An ISO-8601 instant with an offset ({@code 2026-10-01T09:00:00Z}, {@code …+02:00}), normalised to UTC. */
    public static Instant instant(JsonNode node) {
        if (!node.isString()) {
            throw new IllegalArgumentException("must be an ISO-8601 instant string like \"2026-10-01T09:00:00Z\", was "
                    + kind(node));
        }
        String text = node.stringValue();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException("must be an ISO-8601 instant with offset like \"2026-10-01T09:00:00Z\", was \""
                    + abbreviate(text) + "\"");
        }
    }

    /** Text of a string, or of a number for vendors that send ids as numbers; never of objects or booleans. */
    public static String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return decimal(node).toPlainString();
        }
        throw new IllegalArgumentException("must be a string, was " + kind(node));
    }

    /** Decimal as the contract writes it: a plain string without exponent. */
    public static String format(BigDecimal value) {
        return value.toPlainString();
    }

    static String kind(JsonNode node) {
        return com.ibportal.shared.JsonText.kind(node);
    }

    /** Keeps echoed input short: an error message must not carry a megabyte of someone's payload. */
    static String abbreviate(String text) {
        return com.ibportal.shared.JsonText.abbreviate(text);
    }
}
