package dev.annals.bench.server;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The shape of a server load run, checked when built.
 *
 * @param subscribers        live SSE subscribers on {@code $all}
 * @param appenders          HTTP clients appending at once, one event per request
 * @param eventsPerAppender  events each appender sends
 * @param payloadBytes       the approximate size of each event's JSON data
 * @param timeout            how long the run may take before it gives up and reports what it saw
 */
public record ServerLoadOptions(
        int subscribers, int appenders, int eventsPerAppender, int payloadBytes, Duration timeout) {

    public ServerLoadOptions {
        positive("subscribers", subscribers);
        positive("appenders", appenders);
        positive("eventsPerAppender", eventsPerAppender);
        if (payloadBytes < 16 || payloadBytes > 65_536) {
            throw new IllegalArgumentException("payloadBytes must be from 16 to 65536, was " + payloadBytes);
        }
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Every event appended in the run. */
    public long events() {
        return (long) appenders * eventsPerAppender;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
        }
    }
}
