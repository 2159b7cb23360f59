package com.ibportal.commissions;

import com.ibportal.commissions.engine.MissingFxRate;

/**
 * Whether commissions could settle an event now, or it must wait for something that has not arrived:
 * {@code waitKey} names it ({@code fx:2026-10-01:EUR:USD}, {@code deposit:C-1:T-9}) so the caller can
 * park the event and release it when that thing comes.
 */
public record CommissionOutcome(String waitKey, String reason) {

    private static final CommissionOutcome DONE = new CommissionOutcome(null, null);

    public static CommissionOutcome done() {
        return DONE;
    }

    static CommissionOutcome waitingFor(MissingFxRate rate) {
        return new CommissionOutcome(fxWaitKey(rate.utcDate().toString(), rate.base().code(), rate.quote().code()),
                "waiting for the " + rate.base() + "/" + rate.quote() + " rate of " + rate.utcDate());
    }

    static CommissionOutcome waitingForDeposit(String clientId, String transactionId) {
        return new CommissionOutcome(depositWaitKey(clientId, transactionId),
                "waiting for deposit " + transactionId + " of client " + clientId);
    }

    /** The key an event waiting for this rate is parked under. */
    public static String fxWaitKey(String utcDate, String base, String quote) {
        return "fx:" + utcDate + ":" + base + ":" + quote;
    }

    /** The key a chargeback waiting for its deposit is parked under. */
    public static String depositWaitKey(String clientId, String transactionId) {
        return "deposit:" + clientId + ":" + transactionId;
    }

    public boolean isDone() {
        return waitKey == null;
    }
}
