package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.ParseResult;
import com.ibportal.ingestion.formats.FormatContext;
import com.ibportal.ingestion.formats.JsonMapping;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connector's settings, read and checked once: what its format needs to map payloads ({@link FormatContext}) and the
 * endpoint's limits. Unknown keys are refused, so a typo such as {@code serverZon} fails when it is saved, not when
 * the first deal arrives with the wrong times.
 */
record ConnectorSettings(FormatContext formatContext, int maxBodyBytes, double rateLimitPerSecond, String writeBackUrl,
                         IpAllowList ipAllowList, PollingSettings polling) {

    static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final double DEFAULT_RATE_LIMIT_PER_SECOND = 500;

    private static final Set<String> PLATFORM_FORMATS = Set.of("mt5", "mt4", "ctrader", "matchtrader", "dxtrade");
    private static final Set<String> SERVER_CLOCK_FORMATS = Set.of("mt5", "mt4");
    private static final Set<String> KNOWN = Set.of("serverId", "serverZone", "accountCurrency", "currenciesByLogin",
            "unitsPerLot", "ctraderSymbolNames", "clientIdsByLogin", "referralCodeField", "jsonMapping", "maxBodyBytes",
            "rateLimitPerSecond", "writeBackUrl", "ipAllowList", "polling", "csvColumns");

    /** @throws InvalidInputException naming every bad setting as {@code settings.<name>} */
    static ConnectorSettings read(String format, JsonNode settings) {
        List<FieldProblem> problems = new ArrayList<>();
        if (settings == null || settings.isNull()) {
            settings = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!settings.isObject()) {
            throw InvalidInputException.of("settings", "must be a JSON object");
        }
        ObjectNode node = (ObjectNode) settings;
        node.propertyNames().stream().filter(name -> !KNOWN.contains(name)).sorted().forEach(name ->
                problems.add(new FieldProblem("settings." + name, "is not a known setting; known: " + String.join(", ",
                        KNOWN.stream().sorted().toList()))));
        FormatContext.Builder context = FormatContext.builder();
        String serverId = text(node, "serverId", problems);
        if (serverId != null) {
            if (serverId.isBlank() || serverId.length() > 64 || serverId.contains(":")) {
                problems.add(new FieldProblem("settings.serverId", "must be 1 to 64 characters without ':' (it prefixes event ids)"));
            } else {
                context.serverId(serverId);
            }
        } else if (PLATFORM_FORMATS.contains(format)) {
            problems.add(new FieldProblem("settings.serverId", "is required for the " + format + " format"));
        }
        String zone = text(node, "serverZone", problems);
        if (zone != null) {
            try {
                context.serverZone(ZoneId.of(zone));
            } catch (DateTimeException unknownZone) {
                problems.add(new FieldProblem("settings.serverZone", "must be a time zone such as Europe/Athens or UTC"));
            }
        } else if (SERVER_CLOCK_FORMATS.contains(format)) {
            problems.add(new FieldProblem("settings.serverZone",
                    "is required for the " + format + " format: its servers write local times (e.g. Europe/Athens)"));
        }
        String accountCurrency = text(node, "accountCurrency", problems);
        if (accountCurrency != null) {
            currency(accountCurrency, "settings.accountCurrency", problems).ifPresent(c -> context.accountCurrency(c.code()));
        }
        map(node, "currenciesByLogin", problems, value -> value).forEach((login, code) ->
                currency(code, "settings.currenciesByLogin." + login, problems)
                        .ifPresent(c -> context.accountCurrency(login, c.code())));
        map(node, "unitsPerLot", problems, value -> value).forEach((symbol, units) -> {
            try {
                BigDecimal parsed = new BigDecimal(units);
                if (parsed.signum() <= 0) {
                    problems.add(new FieldProblem("settings.unitsPerLot." + symbol, "must be greater than zero"));
                } else {
                    context.unitsPerLot(symbol, units);
                }
            } catch (NumberFormatException notDecimal) {
                problems.add(new FieldProblem("settings.unitsPerLot." + symbol, "must be a decimal such as \"100000\""));
            }
        });
        context.ctraderSymbolNames(map(node, "ctraderSymbolNames", problems, value -> value));
        context.clientIdsByLogin(map(node, "clientIdsByLogin", problems, value -> value));
        String referralCodeField = text(node, "referralCodeField", problems);
        if (referralCodeField != null) {
            context.referralCodeField(referralCodeField);
        }
        JsonNode mapping = node.get("jsonMapping");
        if (mapping != null && !mapping.isNull()) {
            switch (JsonMapping.parse(mapping)) {
                case ParseResult.Valid<JsonMapping> valid -> context.jsonMapping(valid.value());
                case ParseResult.Invalid<JsonMapping> invalid -> invalid.errors().forEach(error ->
                        problems.add(new FieldProblem("settings.jsonMapping." + error.field(), error.message())));
            }
        } else if (format.equals("mapping")) {
            problems.add(new FieldProblem("settings.jsonMapping", "is required for the mapping format"));
        }
        int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        JsonNode max = node.get("maxBodyBytes");
        if (max != null && !max.isNull()) {
            if (!max.canConvertToInt() || !max.isIntegralNumber() || max.intValue() < 1024 || max.intValue() > MAX_MAX_BODY_BYTES) {
                problems.add(new FieldProblem("settings.maxBodyBytes", "must be a whole number from 1024 to " + MAX_MAX_BODY_BYTES));
            } else {
                maxBodyBytes = max.intValue();
            }
        }
        double rate = DEFAULT_RATE_LIMIT_PER_SECOND;
        JsonNode rateNode = node.get("rateLimitPerSecond");
        if (rateNode != null && !rateNode.isNull()) {
            if (!rateNode.isNumber() || rateNode.doubleValue() <= 0 || rateNode.doubleValue() > 1_000_000) {
                problems.add(new FieldProblem("settings.rateLimitPerSecond", "must be a number greater than 0 (requests per second)"));
            } else {
                rate = rateNode.doubleValue();
            }
        }
        String writeBackUrl = text(node, "writeBackUrl", problems);
        if (writeBackUrl != null && !isHttpUrl(writeBackUrl)) {
            problems.add(new FieldProblem("settings.writeBackUrl", "must be an absolute http or https URL"));
        }
        IpAllowList allowList = IpAllowList.ANY;
        JsonNode ips = node.get("ipAllowList");
        if (ips != null && !ips.isNull()) {
            List<String> entries = new ArrayList<>();
            if (!ips.isArray()) {
                problems.add(new FieldProblem("settings.ipAllowList", "must be an array of addresses or CIDR ranges"));
            } else {
                for (int i = 0; i < ips.size(); i++) {
                    JsonNode entry = ips.get(i);
                    if (!entry.isString()) {
                        problems.add(new FieldProblem("settings.ipAllowList[" + i + "]", "must be a string"));
                    } else {
                        entries.add(entry.stringValue());
                    }
                }
                try {
                    allowList = IpAllowList.parse(entries);
                } catch (IllegalArgumentException bad) {
                    problems.add(new FieldProblem("settings.ipAllowList", bad.getMessage()));
                }
            }
        }
        PollingSettings polling = PollingSettings.read(node.get("polling"), problems);
        com.ibportal.ingestion.csv.CsvColumns.read(node.get("csvColumns")).errors().forEach(error -> problems.add(
                new FieldProblem(error.field().isEmpty() ? "settings.csvColumns" : "settings.csvColumns." + error.field(),
                        error.message())));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        FormatContext built;
        try {
            built = context.build();
        } catch (IllegalArgumentException invalid) {
            throw InvalidInputException.of("settings", invalid.getMessage());
        }
        return new ConnectorSettings(built, maxBodyBytes, rate, writeBackUrl, allowList, polling);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException notUri) {
            return false;
        }
    }

    private static java.util.Optional<CurrencyCode> currency(String code, String field, List<FieldProblem> problems) {
        try {
            return java.util.Optional.of(CurrencyCode.of(code));
        } catch (IllegalArgumentException bad) {
            problems.add(new FieldProblem(field, "must be a 3-letter ISO 4217 code such as USD"));
            return java.util.Optional.empty();
        }
    }

    private static String text(ObjectNode node, String name, List<FieldProblem> problems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem("settings." + name, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    /** A JSON object of strings (numbers are taken as their text, as logins often are). */
    private static Map<String, String> map(ObjectNode node, String name, List<FieldProblem> problems,
                                           Function<String, String> convert) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem("settings." + name, "must be a JSON object"));
            return result;
        }
        value.properties().forEach(entry -> {
            JsonNode item = entry.getValue();
            if (item.isString() || item.isNumber()) {
                result.put(entry.getKey(), convert.apply(item.isString() ? item.stringValue() : item.asString()));
            } else {
                problems.add(new FieldProblem("settings." + name + "." + entry.getKey(), "must be a string"));
            }
        });
        return result;
    }
}
