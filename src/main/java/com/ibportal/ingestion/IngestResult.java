package com.ibportal.ingestion;

import java.util.List;

/** The ingest endpoint's answer: per event (in the order sent) whether it was new or a duplicate. */
record IngestResult(List<Item> results) {

    record Item(String id, String status) {
    }

    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";

    boolean anythingAccepted() {
        return results.stream().anyMatch(item -> item.status().equals(ACCEPTED));
    }
}
