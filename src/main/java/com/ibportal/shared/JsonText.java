package com.ibportal.shared;

import tools.jackson.databind.JsonNode;

/** How error messages about JSON input name what they got, shared by every reader of JSON input. */
public final class JsonText {

    private JsonText() {
    }

    /** What kind of JSON value a node is, as a message says it: "a string", "an array", "missing". */
    public static String kind(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            default -> "missing";
        };
    }

    /** Keeps echoed input short: an error message must not carry a megabyte of someone's payload. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
