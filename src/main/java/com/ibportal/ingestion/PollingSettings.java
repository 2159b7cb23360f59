package com.ibportal.ingestion;

import com.ibportal.shared.InvalidInputException.FieldProblem;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code polling} object of a POLLING connector's settings: where to fetch, how to authenticate, how to page and
 * where the cursor is. The credential ({@code auth.password} / {@code auth.token} / {@code auth.value}) is accepted on
 * save, then taken out of the settings and stored encrypted ({@link #takeCredential}); stored settings never hold it.
 *
 * @param url             {@code {cursor}}/{@code {since}} (the stored cursor, URL-encoded, empty at first) and
 *                        {@code {pageSize}} are replaced; without a cursor placeholder the cursor is added as the query
 *                        parameter {@code cursor}
 * @param cursorField     JSON pointer, in each record, to its cursor value (records come oldest first)
 * @param recordsPointer  JSON pointer to the records array in an answer ({@code ""}: the answer is the array)
 * @param nextPagePointer optional JSON pointer to the next page's URL; absent or empty there = last page
 */
record PollingSettings(String url, Auth auth, String username, String headerName, int intervalSeconds, int pageSize,
                       JsonPointer cursorField, JsonPointer recordsPointer, JsonPointer nextPagePointer,
                       String initialCursor) {

    enum Auth {
        NONE(null), BASIC("password"), BEARER("token"), HEADER("value");

        /** The settings key that carries this kind's credential. */
        final String credentialKey;

        Auth(String credentialKey) {
            this.credentialKey = credentialKey;
        }
    }

    static final int DEFAULT_INTERVAL_SECONDS = 60;
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final Set<String> KNOWN = Set.of("url", "auth", "intervalSeconds", "pageSize", "cursorField",
            "recordsPointer", "nextPagePointer", "initialCursor");
    private static final Set<String> AUTH_KNOWN = Set.of("type", "username", "password", "token", "name", "value");

    /** Reads {@code settings.polling}; null when absent. Problems are added as {@code settings.polling.<name>}. */
    static PollingSettings read(JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String prefix = "settings.polling.";
        if (!node.isObject()) {
            problems.add(new FieldProblem("settings.polling", "must be a JSON object"));
            return null;
        }
        int before = problems.size();
        node.propertyNames().stream().filter(name -> !KNOWN.contains(name)).sorted().forEach(name ->
                problems.add(new FieldProblem(prefix + name, "is not a known polling setting; known: "
                        + String.join(", ", KNOWN.stream().sorted().toList()))));
        String url = text(node, "url", prefix, problems);
        if (url == null) {
            problems.add(new FieldProblem(prefix + "url", "is required"));
        } else if (!isHttpUrl(expand(url, "0", 1))) {
            problems.add(new FieldProblem(prefix + "url", "must be an absolute http or https URL"));
        }
        Auth auth = Auth.NONE;
        String username = null;
        String headerName = null;
        JsonNode authNode = node.get("auth");
        if (authNode != null && !authNode.isNull()) {
            if (!authNode.isObject()) {
                problems.add(new FieldProblem(prefix + "auth", "must be an object such as {\"type\": \"bearer\", \"token\": \"…\"}"));
            } else {
                authNode.propertyNames().stream().filter(name -> !AUTH_KNOWN.contains(name)).sorted().forEach(name ->
                        problems.add(new FieldProblem(prefix + "auth." + name, "is not a known auth setting")));
                String type = text(authNode, "type", prefix + "auth.", problems);
                try {
                    auth = type == null ? Auth.NONE : Auth.valueOf(type.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    problems.add(new FieldProblem(prefix + "auth.type", "must be one of none, basic, bearer, header"));
                }
                username = text(authNode, "username", prefix + "auth.", problems);
                headerName = text(authNode, "name", prefix + "auth.", problems);
                if (auth == Auth.BASIC && (username == null || username.isBlank() || username.contains(":"))) {
                    problems.add(new FieldProblem(prefix + "auth.username", "is required for basic auth (without ':')"));
                }
                if (auth == Auth.HEADER && (headerName == null || !headerName.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
                    problems.add(new FieldProblem(prefix + "auth.name", "is required for header auth: a header name such as X-Api-Key"));
                }
                for (Auth other : Auth.values()) {
                    JsonNode credential = other.credentialKey == null ? null : authNode.get(other.credentialKey);
                    if (credential != null && !credential.isNull()) {
                        if (other != auth) {
                            problems.add(new FieldProblem(prefix + "auth." + other.credentialKey, "does not belong to " + auth.name().toLowerCase(Locale.ROOT) + " auth"));
                        } else if (!credential.isString() || credential.stringValue().isEmpty()
                                || credential.stringValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                            problems.add(new FieldProblem(prefix + "auth." + other.credentialKey, "must be a non-empty string without control characters"));
                        }
                    }
                }
            }
        }
        int interval = number(node, "intervalSeconds", 5, 86_400, DEFAULT_INTERVAL_SECONDS, prefix, problems);
        int pageSize = number(node, "pageSize", 1, 10_000, DEFAULT_PAGE_SIZE, prefix, problems);
        JsonPointer cursorField = pointer(node, "cursorField", prefix, problems);
        if (cursorField == null && node.get("cursorField") == null) {
            problems.add(new FieldProblem(prefix + "cursorField", "is required: the JSON pointer of each record's cursor, e.g. /id"));
        }
        JsonPointer records = pointer(node, "recordsPointer", prefix, problems);
        JsonPointer nextPage = pointer(node, "nextPagePointer", prefix, problems);
        String initialCursor = text(node, "initialCursor", prefix, problems);
        if (problems.size() > before) {
            return null;
        }
        return new PollingSettings(url, auth, username, headerName, interval, pageSize, cursorField,
                records == null ? JsonPointer.empty() : records, nextPage, initialCursor);
    }

    /**
     * Removes the credential from {@code settings.polling.auth} and answers it (null when none was given), so that
     * what is stored as settings, and shown by GET, never holds it.
     */
    static String takeCredential(JsonNode settings) {
        if (settings == null || !(settings.get("polling") instanceof ObjectNode polling)
                || !(polling.get("auth") instanceof ObjectNode auth)) {
            return null;
        }
        String found = null;
        for (Auth kind : Auth.values()) {
            if (kind.credentialKey != null) {
                JsonNode value = auth.remove(kind.credentialKey);
                if (value != null && value.isString()) {
                    found = value.stringValue();
                }
            }
        }
        return found;
    }

    /** The URL of the first page after {@code cursor} (null or empty: from the start). */
    String firstPageUrl(String cursor) {
        String value = cursor == null ? "" : cursor;
        if (url.contains("{cursor}") || url.contains("{since}")) {
            return expand(url, value, pageSize);
        }
        String expanded = expand(url, value, pageSize);
        if (value.isEmpty()) {
            return expanded;
        }
        return expanded + (expanded.contains("?") ? "&" : "?") + "cursor=" + encode(value);
    }

    private static String expand(String template, String cursor, int pageSize) {
        String encoded = encode(cursor);
        return template.replace("{cursor}", encoded).replace("{since}", encoded)
                .replace("{pageSize}", Integer.toString(pageSize));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException notUri) {
            return false;
        }
    }

    private static String text(JsonNode node, String name, String prefix, List<FieldProblem> problems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(prefix + name, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    private static int number(JsonNode node, String name, int min, int max, int fallback, String prefix,
                              List<FieldProblem> problems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            problems.add(new FieldProblem(prefix + name, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return value.intValue();
    }

    private static JsonPointer pointer(JsonNode node, String name, String prefix, List<FieldProblem> problems) {
        String value = text(node, name, prefix, problems);
        if (value == null) {
            return null;
        }
        try {
            return JsonPointer.compile(value);
        } catch (IllegalArgumentException bad) {
            problems.add(new FieldProblem(prefix + name, "must be a JSON pointer such as /data (or \"\" for the whole answer)"));
            return null;
        }
    }
}
