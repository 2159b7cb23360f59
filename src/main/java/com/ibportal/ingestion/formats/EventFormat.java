package com.ibportal.ingestion.formats;

import java.util.List;

import com.ibportal.ingestion.canonical.CanonicalEvent;

import tools.jackson.databind.JsonNode;

/** Turns one vendor payload (a record or an array of records) into canonical events. */
public interface EventFormat {

    /** The name a connector's {@code format} setting uses: {@code mt5}, {@code ctrader}, … */
    String name();

    /**
     * Maps every record of the payload. Records that do not concern the portal (credit, bonus, opening deals, …)
     * produce nothing. A payload that cannot be mapped fails as a whole, naming the field.
     *
     * @throws MappingException for bad input or missing connector settings
     */
    List<CanonicalEvent> map(JsonNode payload, FormatContext context);
}
