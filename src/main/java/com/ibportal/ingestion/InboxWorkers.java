package com.ibportal.ingestion;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The background threads that run {@link InboxWorker}: each loops over batches, and sleeps up to the poll interval
 * (or until {@link InboxSignal} wakes it) when nothing is due. Without an {@link IngestedEventHandler} bean, events
 * stay RECEIVED until one exists.
 */
@Component
@EnableConfigurationProperties(IngestionProperties.class)
class InboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

    private final InboxWorker worker;
    private final InboxSignal signal;
    private final IngestionProperties properties;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    @Autowired
    InboxWorkers(InboxStore store, PlatformTransactionManager transactionManager,
                 ObjectProvider<IngestedEventHandler> handler, Clock clock, IngestionProperties properties,
                 InboxSignal signal) {
        this(new InboxWorker(store, transactionManager, handler::getIfAvailable, clock, properties, null), signal,
                properties);
    }

    InboxWorkers(InboxWorker worker, InboxSignal signal, IngestionProperties properties) {
        this.worker = worker;
        this.signal = signal;
        this.properties = properties;
    }

    InboxWorker worker() {
        return worker;
    }

    @Override
    public synchronized void start() {
        if (!worker.hasHandler()) {
            log.warn("No IngestedEventHandler bean: inbox events are stored and stay RECEIVED until one exists");
            return;
        }
        if (!properties.workersEnabled() || properties.workers() == 0) {
            log.info("Inbox workers are off (portal.ingestion.workers-enabled=false or workers=0)");
            return;
        }
        running = true;
        for (int i = 1; i <= properties.workers(); i++) {
            Thread thread = Thread.ofPlatform().name("inbox-worker-" + i).daemon().start(this::loop);
            threads.add(thread);
        }
        log.info("Started {} inbox workers", properties.workers());
    }

    private void loop() {
        Duration pause = properties.pollInterval();
        while (running) {
            try {
                long seen = signal.generation();
                if (worker.processBatch() < properties.batchSize()) {
                    signal.await(seen, pause);
                }
                pause = properties.pollInterval();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // the database may be away; back off instead of spinning on errors
                log.warn("Inbox worker failed to claim events: {}", unexpected.toString());
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        // woken, not interrupted: an interrupt in the middle of a JDBC call can poison the pooled connection
        signal.wake();
        for (Thread thread : threads) {
            try {
                if (!thread.join(Duration.ofSeconds(10))) {
                    thread.interrupt();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
