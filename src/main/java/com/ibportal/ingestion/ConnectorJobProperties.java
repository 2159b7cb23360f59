package com.ibportal.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.ingestion.*}: the write-back sender and the polling scheduler (the inbox workers are
 * {@link IngestionProperties}; both bind the same prefix).
 *
 * @param writebackEnabled        false: no background write-back sending (tests call the sender themselves)
 * @param writebackMaxAttempts    failed sends before a write-back is FAILED (an admin can retry it)
 * @param writebackInitialBackoff delay after the first failed send; doubles per attempt
 * @param writebackMaxBackoff     the longest delay between sends
 * @param writebackTimeout        connect and answer timeout of one send; also the lease of a claimed row
 * @param writebackBatchSize      rows claimed per round
 * @param pollingEnabled          false: no background polling (tests poll by hand)
 * @param pollingTimeout          connect and answer timeout of one page request
 * @param pollingMaxBackoff       the longest pause after consecutive polling errors
 * @param pollingMaxPages         pages fetched per connector and run (the rest comes next run)
 * @param pollingMaxResponseBytes a page answer larger than this is an error
 * @param jobsTick                how often the sender and the scheduler look for due work
 */
@ConfigurationProperties("portal.ingestion")
record ConnectorJobProperties(@DefaultValue("true") boolean writebackEnabled,
                              @DefaultValue("12") int writebackMaxAttempts,
                              @DefaultValue("10s") Duration writebackInitialBackoff,
                              @DefaultValue("1h") Duration writebackMaxBackoff,
                              @DefaultValue("10s") Duration writebackTimeout,
                              @DefaultValue("20") int writebackBatchSize,
                              @DefaultValue("true") boolean pollingEnabled,
                              @DefaultValue("30s") Duration pollingTimeout,
                              @DefaultValue("30m") Duration pollingMaxBackoff,
                              @DefaultValue("100") int pollingMaxPages,
                              @DefaultValue("16777216") int pollingMaxResponseBytes,
                              @DefaultValue("1s") Duration jobsTick) {

    ConnectorJobProperties {
        if (writebackMaxAttempts < 1 || writebackBatchSize < 1 || pollingMaxPages < 1 || pollingMaxResponseBytes < 1024) {
            throw new IllegalArgumentException("portal.ingestion: writeback-max-attempts, writeback-batch-size and "
                    + "polling-max-pages >= 1, polling-max-response-bytes >= 1024");
        }
    }

    /** Delay after the {@code attempts}-th failed send: initial, 2×, 4×, … capped. */
    Duration writebackBackoffAfter(int attempts) {
        return doubling(writebackInitialBackoff, attempts, writebackMaxBackoff);
    }

    /** Pause after {@code failures} consecutive polling errors: the interval, 2×, 4×, … capped. */
    Duration pollingBackoffAfter(Duration interval, int failures) {
        return doubling(interval, failures, pollingMaxBackoff.compareTo(interval) < 0 ? interval : pollingMaxBackoff);
    }

    static Duration doubling(Duration initial, int attempts, Duration max) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
