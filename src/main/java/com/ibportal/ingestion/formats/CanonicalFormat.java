package com.ibportal.ingestion.formats;

import java.util.List;

import com.ibportal.ingestion.canonical.CanonicalEvent;
import com.ibportal.ingestion.canonical.CanonicalEventParser;
import com.ibportal.ingestion.canonical.ParseResult;

import tools.jackson.databind.JsonNode;

/** The {@code canonical} format: the payload already is canonical events v1; they are only checked. */
public final class CanonicalFormat implements EventFormat {

    private final CanonicalEventParser parser = new CanonicalEventParser();

    @Override
    public String name() {
        return "canonical";
    }

    @Override
    public List<CanonicalEvent> map(JsonNode payload, FormatContext context) {
        return switch (parser.parseBatch(payload)) {
            case ParseResult.Valid<List<CanonicalEvent>> valid -> valid.value();
            case ParseResult.Invalid<List<CanonicalEvent>> invalid -> throw new MappingException(invalid.errors());
        };
    }
}
