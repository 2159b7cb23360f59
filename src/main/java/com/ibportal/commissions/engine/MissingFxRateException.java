package com.ibportal.commissions.engine;

/** Aborts a computation that needs a rate the table lacks; the entry point turns it into a waiting result. */
final class MissingFxRateException extends RuntimeException {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    // Never serialised: the exception does not leave the engine.
    private final transient MissingFxRate missingRate;

    MissingFxRateException(MissingFxRate missingRate) {
        // No stack trace: this is an expected outcome, not a bug, and must stay cheap.
        super("missing FX rate " + missingRate, null, false, false);
        this.missingRate = missingRate;
    }

    MissingFxRate missingRate() {
        return missingRate;
    }
}
