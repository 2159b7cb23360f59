package com.ibportal.ingestion.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;

/** Test fixtures under {@code src/test/resources/fixtures}, read the way request bodies must be read. */
public final class Fixtures {

    private Fixtures() {
    }

    public static JsonNode read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return JsonValues.mapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static JsonNode json(String json) {
        return JsonValues.mapper().readTree(json);
    }
}
