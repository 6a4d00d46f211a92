package dev.annals.kafka.relay.internal;

import java.time.Duration;

/** Doubling waits between failed attempts, from 200 ms up to a ceiling; reset after a success. */
public final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(200);

    private final Duration ceiling;
    private Duration next = FIRST;
    private int failures;

    public Backoff(Duration ceiling) {
        this.ceiling = ceiling;
    }

    /** The wait before the next attempt; each call doubles the one after. */
    public Duration failed() {
        failures++;
        var wait = next;
        next = next.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : next.multipliedBy(2);
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }

    /** Failures in a row so far. */
    public int failures() {
        return failures;
    }

    public void succeeded() {
        next = FIRST;
        failures = 0;
    }
}
