package com.ibportal.ingestion.webhook;

/** A delivery that failed verification; the web layer answers 401. Messages never contain a secret or a signature. */
public class WebhookVerificationException extends RuntimeException {

    public enum Reason { MISSING_HEADER, MALFORMED_TIMESTAMP, MALFORMED_SIGNATURE, STALE_TIMESTAMP, NO_MATCHING_SIGNATURE }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
