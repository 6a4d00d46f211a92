package dev.annals.bench.server;

import dev.annals.bench.Latency;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a server load run saw.
 *
 * @param options             the run's shape
 * @param appendFailures      appends that did not answer 200
 * @param appendTime          from the first append sent to the last one acknowledged
 * @param delivered           events received, summed over every subscriber
 * @param deliveryTime        from the first append sent to the last event received by any subscriber
 * @param cpu                 the processor time the server and the load generator took meanwhile
 * @param ended               why the server ended subscriptions early (an SSE event such as {@code behind},
 *                            or a status), with how many each
 * @param memory              what the server's process held per subscriber, when it runs in a process of
 *                            its own
 * @param complete            subscribers that received every appended event
 * @param outOfOrder          subscribers that received an event id that was not the previous one plus one
 * @param delivery            from an append being sent to its event arriving at a subscriber, over every
 *                            delivery to every subscriber
 * @param healthChecks        {@code /health/ready} requests made during the run
 * @param healthFailures      those that did not answer 200
 * @param slowestHealth       the slowest of them
 * @param acknowledged        from an append being sent to its answer: the append's own part of
 *                            {@code delivery}
 */
public record ServerLoadResult(
        ServerLoadOptions options,
        long appendFailures,
        Duration appendTime,
        long delivered,
        Duration deliveryTime,
        CpuUse cpu,
        Map<String, Integer> ended,
        Optional<SubscriberMemory> memory,
        int complete,
        int outOfOrder,
        Latency delivery,
        Latency acknowledged,
        int healthChecks,
        int healthFailures,
        Duration slowestHealth) {

    /** Events appended per second, from the first append sent to the last acknowledged. */
    public double appendsPerSecond() {
        return options.events() / Math.max(1e-9, appendTime.toNanos() / 1e9);
    }

    /** Events received per second over every subscriber, from the first append to the last arrival. */
    public double deliveriesPerSecond() {
        return delivered / Math.max(1e-9, deliveryTime.toNanos() / 1e9);
    }

    /** The figures, as lines for people. */
    public String report() {
        return String.format(
                Locale.ROOT,
                """
                server load: %d SSE subscribers on $all, %d appending HTTP clients, %d events of ~%d bytes
                  appends:   %.0f events/s (%d ms)%s, %d failed
                  delivery:  p50 %.1f ms, p99 %.1f ms, max %.1f ms (append sent -> event at a subscriber)
                  of which:  append acknowledged p50 %.1f ms, p99 %.1f ms, max %.1f ms (append sent -> its answer)
                  fan-out:   %.0f SSE events/s delivered (%d in %d ms)
                  cpu:       %s
                  received:  %d of %d subscribers got every event, %d saw one out of order%s
                  health:    %d checks during the run, %d failed, slowest %d ms
                  memory:    %s
                """,
                options.subscribers(),
                options.appenders(),
                options.events(),
                options.payloadBytes(),
                appendsPerSecond(),
                appendTime.toMillis(),
                options.rate() == 0 ? "" : ", paced at " + options.rate() + "/s",
                appendFailures,
                millis(delivery.p50()),
                millis(delivery.p99()),
                millis(delivery.max()),
                millis(acknowledged.p50()),
                millis(acknowledged.p99()),
                millis(acknowledged.max()),
                deliveriesPerSecond(),
                delivered,
                deliveryTime.toMillis(),
                cpu.report(delivered),
                complete,
                options.subscribers(),
                outOfOrder,
                ended.isEmpty() ? "" : ", ended by the server: " + ended,
                healthChecks,
                healthFailures,
                slowestHealth.toMillis(),
                memory.map(SubscriberMemory::report)
                        .orElse("not measured (only with the server in a process of its own: --serve-jar)"));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
