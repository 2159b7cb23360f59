package com.ibportal.ingestion;

import com.ibportal.ingestion.canonical.CanonicalEvent;

/**
 * Applies one canonical event to the business modules; implemented outside ingestion, so ingestion knows no business
 * module. Runs inside the worker's transaction, as the system actor: what it writes commits together with the event's
 * new status, so an event is applied exactly once in effect. An exception rolls its work back and counts as a failed,
 * retryable attempt.
 */
public interface IngestedEventHandler {

    EventOutcome apply(CanonicalEvent event, long connectorId);
}
