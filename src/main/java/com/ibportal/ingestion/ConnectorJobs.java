package com.ibportal.ingestion;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The write-back sender and the polling scheduler: one small scheduled thread each, ticking at
 * {@code portal.ingestion.jobs-tick}. Either can be switched off ({@code writeback-enabled}, {@code polling-enabled});
 * the test configuration switches both off and drives them by hand.
 */
@Component
@EnableConfigurationProperties(ConnectorJobProperties.class)
class ConnectorJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectorJobs.class);

    private final WriteBackSender sender;
    private final ConnectorPoller poller;
    private final ConnectorJobProperties properties;
    private ScheduledExecutorService executor;

    ConnectorJobs(WriteBackSender sender, ConnectorPoller poller, ConnectorJobProperties properties) {
        this.sender = sender;
        this.poller = poller;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.writebackEnabled() && !properties.pollingEnabled()) {
            log.info("Write-back sender and polling are off (portal.ingestion.writeback-enabled / polling-enabled)");
            return;
        }
        executor = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("connector-job-", 1).factory());
        long tick = properties.jobsTick().toMillis();
        if (properties.writebackEnabled()) {
            executor.scheduleWithFixedDelay(() -> guarded("write-back sender", () -> sender.deliverDue(null)),
                    tick, tick, TimeUnit.MILLISECONDS);
        }
        if (properties.pollingEnabled()) {
            executor.scheduleWithFixedDelay(() -> guarded("polling scheduler", poller::pollDue), tick, tick,
                    TimeUnit.MILLISECONDS);
        }
        log.info("Started the write-back sender ({}) and the polling scheduler ({})",
                properties.writebackEnabled() ? "on" : "off", properties.pollingEnabled() ? "on" : "off");
    }

    /** A throwing task would be cancelled by the executor for good; log and keep ticking instead. */
    private static void guarded(String name, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException unexpected) {
            log.warn("The {} failed this round: {}", name, unexpected.toString());
        }
    }

    private static void guarded(String name, java.util.function.IntSupplier task) {
        guarded(name, (Runnable) task::getAsInt);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
