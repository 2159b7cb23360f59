package com.ibportal.commissions;

import com.ibportal.commissions.engine.OverrideMode;
import com.ibportal.commissions.engine.PlanValidator;
import com.ibportal.commissions.engine.Rule;
import com.ibportal.commissions.engine.RuleKind;
import com.ibportal.commissions.engine.SymbolGroup;
import com.ibportal.commissions.engine.TierMode;
import com.ibportal.shared.CurrencyCode;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan JSON of the API contract, read from a JSON tree (so that wrong types are reported per field instead
 * of failing the whole body) and written back with decimals as strings, in a fixed field order: the stored
 * text of a version is {@link #text} of its document, so equal documents have equal text.
 *
 * <p>Reading reports every shape problem ({@code rules[1].rates.METALS: must be a decimal…},
 * {@code rules[3].kind: must be one of …}, unknown fields) as an {@link InvalidInputException}; the
 * business checks are {@link com.ibportal.commissions.engine.PlanValidator}'s.
 */
public final class PlanJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Only ever writes trees of strings, numbers and booleans, so no decimal configuration is needed.
    private static final JsonMapper WRITER = JsonMapper.builder().build();
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_FRACTION_DIGITS = 12;

    private PlanJson() {
    }

    /** Reads a plan document, or throws {@link InvalidInputException} naming every field of the wrong shape. */
    public static PlanDocument read(JsonNode json) {
        Reader reader = new Reader();
        PlanDocument document = reader.document(json);
        if (!reader.problems.isEmpty() && document != null && !reader.dropped) {
            // Nothing was left out, so the validator's paths still match the JSON: report its findings too.
            PlanValidator.validate(document.toPlanVersion("-", 1)).stream()
                    .filter(v -> !v.field().equals("planCode") && !v.field().equals("version"))
                    .forEach(v -> reader.problem(v.field(), v.message()));
        }
        if (!reader.problems.isEmpty()) {
            throw new InvalidInputException(reader.problems.entrySet().stream()
                    .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
        }
        return document;
    }

    /** Reads stored document text, which was written by {@link #text} and so is known to be well-formed. */
    static PlanDocument read(String text) {
        return read(READER.readTree(text));
    }

    public static ObjectNode write(PlanDocument document) {
        ObjectNode json = NODES.objectNode();
        json.put("name", document.name());
        json.put("payoutCurrency", document.payoutCurrency() == null ? null : document.payoutCurrency().code());
        ArrayNode groups = json.putArray("symbolGroups");
        for (SymbolGroup group : document.symbolGroups()) {
            ObjectNode groupJson = groups.addObject();
            groupJson.put("name", group.name());
            ArrayNode symbols = groupJson.putArray("symbols");
            group.symbols().forEach(symbols::add);
        }
        ArrayNode rules = json.putArray("rules");
        document.rules().forEach(rule -> rules.add(write(rule)));
        return json;
    }

    /** The canonical text of a document: what is stored, and what two documents are compared by. */
    public static String text(PlanDocument document) {
        return WRITER.writeValueAsString(write(document));
    }

    private static ObjectNode write(Rule rule) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", rule.kind().name());
        switch (rule) {
            case Rule.Cpa cpa -> {
                decimal(json, "amount", cpa.amount());
                decimal(json, "minDeposit", cpa.minDeposit());
                decimal(json, "minLots", cpa.minLots());
                integer(json, "windowDays", cpa.windowDays());
            }
            case Rule.PerLot perLot -> {
                ObjectNode rates = json.putObject("rates");
                perLot.rates().forEach((group, rate) -> rates.put(group, rate == null ? null : rate.toPlainString()));
                integer(json, "minHoldSeconds", perLot.minHoldSeconds());
            }
            case Rule.SpreadShare share -> {
                decimal(json, "percent", share.percent());
                integer(json, "minHoldSeconds", share.minHoldSeconds());
            }
            case Rule.RevenueShare share -> {
                decimal(json, "percent", share.percent());
                json.put("carryForwardLosses", share.carryForwardLosses());
            }
            case Rule.TieredPerLot tiered -> {
                if (tiered.mode() != null) {
                    json.put("mode", tiered.mode().name());
                }
                ArrayNode tiers = json.putArray("tiers");
                for (Rule.TieredPerLot.Tier tier : tiered.tiers()) {
                    ObjectNode tierJson = tiers.addObject();
                    decimal(tierJson, "fromLots", tier.fromLots());
                    decimal(tierJson, "rate", tier.rate());
                }
            }
            case Rule.Override override -> {
                if (override.mode() != null) {
                    json.put("mode", override.mode().name());
                }
                integer(json, "maxDepth", override.maxDepth());
                decimals(json, "percents", override.percents());
                decimals(json, "rates", override.rates());
            }
        }
        return json;
    }

    private static void decimal(ObjectNode json, String name, BigDecimal value) {
        if (value != null) {
            json.put(name, value.toPlainString());
        }
    }

    private static void integer(ObjectNode json, String name, Integer value) {
        if (value != null) {
            json.put(name, value.intValue());
        }
    }

    // An empty list is how the records say "absent", so it is left out.
    private static void decimals(ObjectNode json, String name, List<BigDecimal> values) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(name);
            values.forEach(v -> array.add(v.toPlainString()));
        }
    }

    /** Reads decimals as the contract has them: a plain string ("2.50") or a JSON number, never through double. */
    static BigDecimal decimal(JsonNode node) {
        BigDecimal value;
        if (node.isString()) {
            String text = node.stringValue().trim();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("must be a decimal like \"2.50\", was \"" + abbreviate(text) + "\"");
            }
            value = new BigDecimal(text);
        } else if (node.isIntegralNumber()) {
            value = new BigDecimal(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            value = node.decimalValue();
        } else if (node.isNumber()) {
            // Only a mapper without USE_BIG_DECIMAL_FOR_FLOATS gets here: the double's shortest text is the best left.
            value = new BigDecimal(node.asString());
        } else {
            throw new IllegalArgumentException("must be a decimal (a string like \"2.50\" or a number), was " + kind(node));
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("is too large (more than " + MAX_INTEGER_DIGITS + " digits before the point)");
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("has more than " + MAX_FRACTION_DIGITS + " decimal places");
        }
        return value;
    }

    static String kind(JsonNode node) {
        return com.ibportal.shared.JsonText.kind(node);
    }

    static String abbreviate(String text) {
        return com.ibportal.shared.JsonText.abbreviate(text);
    }

    /** Reads one document, collecting the first problem per field; unreadable values come back as null. */
    private static final class Reader {

        private static final Set<String> DOCUMENT_FIELDS = Set.of("name", "payoutCurrency", "symbolGroups", "rules");
        private static final Map<RuleKind, Set<String>> RULE_FIELDS = Map.of(
                RuleKind.CPA, Set.of("kind", "amount", "minDeposit", "minLots", "windowDays"),
                RuleKind.PER_LOT, Set.of("kind", "rates", "minHoldSeconds"),
                RuleKind.SPREAD_SHARE, Set.of("kind", "percent", "minHoldSeconds"),
                RuleKind.REVENUE_SHARE, Set.of("kind", "percent", "carryForwardLosses"),
                RuleKind.TIERED_PER_LOT, Set.of("kind", "mode", "tiers"),
                RuleKind.OVERRIDE, Set.of("kind", "mode", "maxDepth", "percents", "rates"));

        private final Map<String, String> problems = new LinkedHashMap<>();
        /** Whether an unreadable list element was left out, shifting the indexes after it. */
        private boolean dropped;

        PlanDocument document(JsonNode json) {
            if (json == null || !json.isObject()) {
                problem("body", "the plan must be a JSON object, was " + (json == null ? "missing" : kind(json)));
                return null;
            }
            unknownFields(json, "", DOCUMENT_FIELDS);
            String name = text(json, "", "name");
            if (name == null || name.isBlank()) {
                problem("name", "is required");
            } else if (name.length() > 200) {
                problem("name", "must be at most 200 characters");
            }
            CurrencyCode currency = read(json, "", "payoutCurrency", (node, field) -> {
                if (!node.isString()) {
                    throw new IllegalArgumentException("must be a string, was " + kind(node));
                }
                return CurrencyCode.of(node.stringValue());
            });
            if (currency == null) {
                problem("payoutCurrency", "is required");
            }
            List<SymbolGroup> groups = list(json, "", "symbolGroups", this::symbolGroup);
            List<Rule> rules = list(json, "", "rules", this::rule);
            return new PlanDocument(name == null ? null : name.trim(), currency, groups, rules);
        }

        private SymbolGroup symbolGroup(JsonNode json, String field) {
            if (!object(json, field)) {
                return null;
            }
            unknownFields(json, field + ".", Set.of("name", "symbols"));
            String name = text(json, field + ".", "name");
            List<String> symbols = list(json, field + ".", "symbols", (node, f) -> {
                if (!node.isString()) {
                    problem(f, "must be a string, was " + kind(node));
                    return null;
                }
                return node.stringValue();
            });
            return new SymbolGroup(name, symbols);
        }

        private Rule rule(JsonNode json, String field) {
            if (!object(json, field)) {
                return null;
            }
            String prefix = field + ".";
            RuleKind kind = enumValue(json, prefix, "kind", RuleKind.class);
            if (kind == null) {
                if (json.get("kind") == null || json.get("kind").isNull()) {
                    problem(prefix + "kind", "is required: one of " + names(RuleKind.class));
                }
                return null;
            }
            unknownFields(json, prefix, RULE_FIELDS.get(kind));
            return switch (kind) {
                case CPA -> new Rule.Cpa(decimal(json, prefix, "amount"), decimal(json, prefix, "minDeposit"),
                        decimal(json, prefix, "minLots"), integer(json, prefix, "windowDays"));
                case PER_LOT -> new Rule.PerLot(rates(json, prefix + "rates"), integer(json, prefix, "minHoldSeconds"));
                case SPREAD_SHARE -> new Rule.SpreadShare(decimal(json, prefix, "percent"),
                        integer(json, prefix, "minHoldSeconds"));
                case REVENUE_SHARE -> new Rule.RevenueShare(decimal(json, prefix, "percent"),
                        Boolean.TRUE.equals(read(json, prefix, "carryForwardLosses", (node, f) -> {
                            if (!node.isBoolean()) {
                                throw new IllegalArgumentException("must be true or false, was " + kind(node));
                            }
                            return node.booleanValue();
                        })));
                case TIERED_PER_LOT -> new Rule.TieredPerLot(list(json, prefix, "tiers", this::tier),
                        enumValue(json, prefix, "mode", TierMode.class));
                case OVERRIDE -> new Rule.Override(enumValue(json, prefix, "mode", OverrideMode.class),
                        integer(json, prefix, "maxDepth"),
                        list(json, prefix, "percents", this::listDecimal), list(json, prefix, "rates", this::listDecimal));
            };
        }

        private Rule.TieredPerLot.Tier tier(JsonNode json, String field) {
            if (!object(json, field)) {
                return null;
            }
            unknownFields(json, field + ".", Set.of("fromLots", "rate"));
            return new Rule.TieredPerLot.Tier(decimal(json, field + ".", "fromLots"), decimal(json, field + ".", "rate"));
        }

        private BigDecimal listDecimal(JsonNode node, String field) {
            try {
                return PlanJson.decimal(node);
            } catch (IllegalArgumentException wrong) {
                problem(field, wrong.getMessage());
                return null;
            }
        }

        /** PER_LOT rates by group; a null rate is kept so that the validator names the group whose rate is missing. */
        private Map<String, BigDecimal> rates(JsonNode json, String field) {
            JsonNode node = json.get("rates");
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return rates;
            }
            if (!node.isObject()) {
                problem(field, "must be an object of rates by symbol group, was " + kind(node));
                return rates;
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String rateField = field + "." + entry.getKey();
                if (entry.getValue().isNull()) {
                    rates.put(entry.getKey(), null);
                } else {
                    rates.put(entry.getKey(), listDecimal(entry.getValue(), rateField));
                }
            }
            return rates;
        }

        private <T> List<T> list(JsonNode json, String prefix, String name, BiFunction<JsonNode, String, T> element) {
            JsonNode node = json.get(name);
            List<T> values = new ArrayList<>();
            if (node == null || node.isNull()) {
                return values;
            }
            String field = prefix + name;
            if (!node.isArray()) {
                problem(field, "must be an array, was " + kind(node));
                return values;
            }
            for (int i = 0; i < node.size(); i++) {
                String elementField = field + "[" + i + "]";
                JsonNode item = node.get(i);
                T value = null;
                if (item.isNull()) {
                    problem(elementField, "must not be null");
                } else {
                    value = element.apply(item, elementField);
                }
                // Unreadable elements are reported and left out: the records refuse null elements.
                if (value != null) {
                    values.add(value);
                } else {
                    dropped = true;
                }
            }
            return values;
        }

        private boolean object(JsonNode json, String field) {
            if (!json.isObject()) {
                problem(field, "must be an object, was " + kind(json));
                return false;
            }
            return true;
        }

        private String text(JsonNode json, String prefix, String name) {
            return read(json, prefix, name, (node, field) -> {
                if (!node.isString()) {
                    throw new IllegalArgumentException("must be a string, was " + kind(node));
                }
                return node.stringValue();
            });
        }

        private BigDecimal decimal(JsonNode json, String prefix, String name) {
            return read(json, prefix, name, (node, field) -> PlanJson.decimal(node));
        }

        private Integer integer(JsonNode json, String prefix, String name) {
            return read(json, prefix, name, (node, field) -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new IllegalArgumentException("must be a whole number, was " + kind(node));
                }
                return node.intValue();
            });
        }

        private <E extends Enum<E>> E enumValue(JsonNode json, String prefix, String name, Class<E> type) {
            String value = text(json, prefix, name);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException unknown) {
                problem(prefix + name, "must be one of " + names(type) + ", was \"" + abbreviate(value) + "\"");
                return null;
            }
        }

        private <T> T read(JsonNode json, String prefix, String name, BiFunction<JsonNode, String, T> reader) {
            JsonNode node = json.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            try {
                return reader.apply(node, prefix + name);
            } catch (IllegalArgumentException wrongShape) {
                problem(prefix + name, wrongShape.getMessage());
                return null;
            }
        }

        private void unknownFields(JsonNode json, String prefix, Set<String> known) {
            for (String name : json.propertyNames()) {
                if (!known.contains(name)) {
                    problem(prefix + name, "unknown field; expected one of " + known.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }

        private void problem(String field, String message) {
            problems.putIfAbsent(field, message);
        }
    }
}
