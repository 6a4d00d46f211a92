package dev.annals.projection;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * How often and how patiently a failing event is delivered again before it is parked: exponential
 * backoff with jitter.
 *
 * <p>The delay before delivery {@code n} (n = 2 for the first retry) is {@code initialDelay * 2^(n-2)},
 * capped at {@code maxDelay}, then spread by up to {@code ±jitter} of itself so that many failing
 * projections do not retry in step.
 *
 * @param maxAttempts  deliveries in all, the first included; 1 means no retry
 * @param initialDelay the delay before the first retry; positive
 * @param maxDelay     the longest delay; at least {@code initialDelay}
 * @param jitter       the spread, from 0 (none) to 1
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

    public RetrySchedule {
        requireNonNull(initialDelay, "initialDelay");
        requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "delays must be positive with maxDelay >= initialDelay, were " + initialDelay + " and " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** Five deliveries, 100 ms doubling up to 5 s, 20 % jitter. */
    public static RetrySchedule defaults() {
        return new RetrySchedule(5, Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);
    }

    /** The delay before delivery {@code attempt} (2 or more), drawn with {@code random}. */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 2) {
            throw new IllegalArgumentException("only retries wait: attempt must be 2 or more, was " + attempt);
        }
        int doublings = Math.min(attempt - 2, 30);
        long base = Math.min(maxDelay.toNanos(), initialDelay.toNanos() << doublings);
        if (base < 0) {
            base = maxDelay.toNanos();
        }
        double spread = jitter == 0 ? 0 : random.nextDouble(-jitter, jitter);
        return Duration.ofNanos(Math.max(0, Math.round(base * (1 + spread))));
    }
}
