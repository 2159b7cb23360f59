package com.ibportal.ingestion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * A token bucket per connector, in memory: a burst of up to one second's worth of requests, refilled continuously.
 * Per instance, so N instances allow N times the rate; enough to keep one runaway sender from starving the others.
 */
@Component
class RateLimiter {

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @return 0 when the request may go ahead, else the seconds until a token is free (for Retry-After) */
    long tryAcquire(long connectorId, double perSecond) {
        return buckets.computeIfAbsent(connectorId, id -> new Bucket(perSecond, nanoTime.getAsLong()))
                .tryAcquire(perSecond, nanoTime.getAsLong());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double perSecond, long now) {
            this.tokens = Math.max(1, perSecond);
            this.refilledAt = now;
        }

        synchronized long tryAcquire(double perSecond, long now) {
            double capacity = Math.max(1, perSecond);
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
