package com.ibportal.ingestion;

import java.time.Duration;
import org.springframework.stereotype.Component;

/** Wakes idle workers when events were just stored or released, so processing starts at once instead of at the next poll. */
@Component
class InboxSignal {

    private long generation;

    synchronized void wake() {
        generation++;
        notifyAll();
    }

    synchronized long generation() {
        return generation;
    }

    /** Waits until woken after {@code seen} or until {@code max} passed. */
    synchronized void await(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
