package dev.annals.subscription;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a subscription, checked when built.
 *
 * <p>Memory is bounded by {@code pageSize + bufferSize} events whatever the subscriber's lag: the
 * reader fetches one page at a time and blocks when the buffer is full, so a slow subscriber slows the
 * reading instead of piling events up.
 *
 * @param pageSize     how many events one read of the store fetches; 1 or more (default 500)
 * @param bufferSize   how many events wait between the reader and the subscriber; 1 or more (default 1000)
 * @param maxBatch     the most events handed to the subscriber at once; 1 or more (default 500)
 * @param pollInterval how long the reader waits for a head notification before reading again anyway, which
 *                     is how appends by other processes are found; positive (default 250 ms)
 */
public record SubscriptionOptions(int pageSize, int bufferSize, int maxBatch, Duration pollInterval) {

    public SubscriptionOptions {
        atLeastOne("pageSize", pageSize);
        atLeastOne("bufferSize", bufferSize);
        atLeastOne("maxBatch", maxBatch);
        requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    /** Pages of 500, a buffer of 1000, batches of up to 500, polling every 250 ms. */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(500, 1000, 500, Duration.ofMillis(250));
    }

    public SubscriptionOptions withPageSize(int size) {
        return new SubscriptionOptions(size, bufferSize, maxBatch, pollInterval);
    }

    public SubscriptionOptions withBufferSize(int size) {
        return new SubscriptionOptions(pageSize, size, maxBatch, pollInterval);
    }

    public SubscriptionOptions withMaxBatch(int size) {
        return new SubscriptionOptions(pageSize, bufferSize, size, pollInterval);
    }

    public SubscriptionOptions withPollInterval(Duration interval) {
        return new SubscriptionOptions(pageSize, bufferSize, maxBatch, interval);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
        }
    }
}
