package com.ibportal.ingestion;

import org.springframework.http.HttpStatus;

/** A delivery the ingest endpoint refuses before looking at its events: 401, 403, 404, 410, 413 or 429. */
class IngestRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final long retryAfterSeconds;

    IngestRefusal(HttpStatus status, String title, String detail) {
        this(status, title, detail, 0);
    }

    IngestRefusal(HttpStatus status, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
