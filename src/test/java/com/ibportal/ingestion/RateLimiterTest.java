package com.ibportal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsABurstOfOneSecondThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(1, 10)).isZero();
        }
        assertThat(limiter.tryAcquire(1, 10)).isEqualTo(1);
        assertThat(limiter.tryAcquire(2, 10)).as("buckets are per connector").isZero();
        now.addAndGet(100_000_000);
        assertThat(limiter.tryAcquire(1, 10)).isZero();
        assertThat(limiter.tryAcquire(1, 10)).isEqualTo(1);
        assertThat(limiter.tryAcquire(3, 0.1)).isZero();
        assertThat(limiter.tryAcquire(3, 0.1)).as("Retry-After covers the time to the next token").isEqualTo(10);
    }
}
