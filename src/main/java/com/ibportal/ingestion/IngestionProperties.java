package com.ibportal.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.ingestion.*}: the inbox workers.
 *
 * @param workers             worker threads per instance
 * @param workersEnabled      false: no background processing (the test suite drives it with InboxService.processDue)
 * @param batchSize           events claimed and applied per transaction
 * @param maxAttempts         attempts that throw before an event is FAILED for good
 * @param retryInitialBackoff delay after the first failed attempt; doubles per attempt
 * @param retryMaxBackoff     the longest delay between attempts
 * @param pollInterval        how often idle workers look for due events (new deliveries wake them at once)
 */
@ConfigurationProperties("portal.ingestion")
record IngestionProperties(@DefaultValue("2") int workers, @DefaultValue("true") boolean workersEnabled,
                           @DefaultValue("100") int batchSize, @DefaultValue("8") int maxAttempts,
                           @DefaultValue("1s") Duration retryInitialBackoff, @DefaultValue("5m") Duration retryMaxBackoff,
                           @DefaultValue("250ms") Duration pollInterval) {

    IngestionProperties {
        if (workers < 0 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("portal.ingestion: workers >= 0, batch-size >= 1 and max-attempts >= 1");
        }
    }

    /** Delay after the {@code attempts}-th failed attempt: initial, 2×, 4×, … capped. */
    Duration backoffAfter(int attempts) {
        Duration delay = retryInitialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(retryMaxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMaxBackoff) > 0 ? retryMaxBackoff : delay;
    }
}
