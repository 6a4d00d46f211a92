package dev.annals.projection;

import java.time.Duration;

/** Waits between retries: the seam that lets tests run backoffs without waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps for real. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    /** Returns after {@code duration}, or at once in tests. */
    void sleep(Duration duration) throws InterruptedException;
}
