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
 * @param rate               appends per second over all appenders, each sent at its due time and its latency
 *                           counted from then; 0 to send each as soon as the previous one was answered
 */
public record ServerLoadOptions(
        int subscribers, int appenders, int eventsPerAppender, int payloadBytes, Duration timeout, int rate) {

    /** A run whose appenders send as fast as they are answered. */
    public ServerLoadOptions(
            int subscribers, int appenders, int eventsPerAppender, int payloadBytes, Duration timeout) {
        this(subscribers, appenders, eventsPerAppender, payloadBytes, timeout, 0);
    }

    public ServerLoadOptions {
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be 0 (as fast as answered) or more, was " + rate);
        }
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
