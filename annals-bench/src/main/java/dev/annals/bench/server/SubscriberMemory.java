package dev.annals.bench.server;

import java.util.Locale;

/**
 * What the server's process held before the subscribers connected, once they had, and after the run
 * (still connected), and so what one subscriber costs it.
 *
 * @param subscribers how many subscribed
 * @param idle        before the first subscriber connected
 * @param connected   once every subscriber was answered, before the first append
 * @param after       after every event was delivered, the subscribers still connected
 */
public record SubscriberMemory(
        int subscribers, ServerFootprint idle, ServerFootprint connected, ServerFootprint after) {

    /** The line of the report. */
    String report() {
        return String.format(
                Locale.ROOT,
                "per subscriber, heap %.1f KiB connected and %.1f KiB after the run, resident %.1f KiB after the run;"
                        + " server threads %d -> %d",
                perSubscriber(connected.heapBytes() - idle.heapBytes()),
                perSubscriber(after.heapBytes() - idle.heapBytes()),
                perSubscriber(after.rssBytes() - idle.rssBytes()),
                idle.threads(),
                after.threads());
    }

    private double perSubscriber(long bytes) {
        return bytes / 1024.0 / subscribers;
    }
}
