package dev.annals.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Presents the append comparison: a table per workload with each system's events/s, latency per append
 * and the ratio of its events/s to every other system's (the ceiling included), or as one JSON object.
 */
public final class ComparisonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonReport() {}

    /** The tables, one per workload, ending with a line break. */
    public static String tables(List<WorkloadResult> results, int size) {
        requireNonNull(results, "results");
        var text = new StringBuilder();
        for (WorkloadResult result : results) {
            var workload = result.workload();
            text.append(format("%s: %,d events of %d bytes%n", workload.name(), workload.events(), size));
            text.append(format(
                    "  %-18s %12s %9s %9s %9s %8s  ratio of events/s to:",
                    "system", "events/s", "p50 ms", "p99 ms", "p99.9 ms", "retries"));
            for (SystemOutcome peer : result.outcomes()) {
                text.append(format(" %10s", shortName(peer.system())));
            }
            text.append('\n');
            for (SystemOutcome outcome : result.outcomes()) {
                switch (outcome) {
                    case SystemOutcome.Measured measured -> row(text, measured, result.outcomes());
                    case SystemOutcome.Unavailable unavailable ->
                        text.append(format("  %-18s %s%n", unavailable.system(), unavailable.reason()));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void row(StringBuilder text, SystemOutcome.Measured measured, List<SystemOutcome> peers) {
        var latency = measured.result().latency();
        text.append(format(
                "  %-18s %,12.0f %9.3f %9.3f %9.3f %8d  %21s",
                measured.system(),
                measured.result().eventsPerSecond(),
                millis(latency.p50()),
                millis(latency.p99()),
                millis(latency.p999()),
                measured.retries(),
                ""));
        for (SystemOutcome peer : peers) {
            text.append(
                    peer instanceof SystemOutcome.Measured other
                            ? format(
                                    " %9.2fx",
                                    measured.result().eventsPerSecond()
                                            / other.result().eventsPerSecond())
                            : format(" %10s", "-"));
        }
        text.append('\n');
    }

    /**
     * One JSON object on one line: the workloads, each with every system's figures and ratios, and how many
     * rounds each cell is the median of ({@link MedianRounds}; 1 for a single run).
     */
    public static String json(List<WorkloadResult> results, int size, int rounds) {
        requireNonNull(results, "results");
        ObjectNode root = JSON.createObjectNode()
                .put("benchmark", "compare-append")
                .put("size", size)
                .put("rounds", rounds);
        ArrayNode workloads = root.putArray("workloads");
        for (WorkloadResult result : results) {
            var workload = result.workload();
            ObjectNode node = workloads
                    .addObject()
                    .put("name", workload.name())
                    .put("writers", workload.writers())
                    .put("streams", workload.streams())
                    .put("batch", workload.batch())
                    .put("events", workload.events());
            ArrayNode systems = node.putArray("systems");
            for (SystemOutcome outcome : result.outcomes()) {
                ObjectNode system = systems.addObject().put("system", outcome.system());
                switch (outcome) {
                    case SystemOutcome.Measured measured -> measuredJson(system, measured, result.outcomes());
                    case SystemOutcome.Unavailable unavailable -> system.put("unavailable", unavailable.reason());
                }
            }
        }
        return root.toString();
    }

    private static void measuredJson(ObjectNode system, SystemOutcome.Measured measured, List<SystemOutcome> peers) {
        var result = measured.result();
        system.put("eventsPerSecond", Math.round(result.eventsPerSecond()))
                .put("eventsAppended", result.eventsAppended())
                .put("eventsStored", result.eventsStored())
                .put("appends", result.appends())
                .put("retries", measured.retries());
        system.putObject("latencyMillis")
                .put("p50", millis(result.latency().p50()))
                .put("p99", millis(result.latency().p99()))
                .put("p999", millis(result.latency().p999()))
                .put("max", millis(result.latency().max()));
        ObjectNode ratios = system.putObject("ratioOfEventsPerSecondTo");
        for (SystemOutcome peer : peers) {
            if (peer instanceof SystemOutcome.Measured other) {
                ratios.put(
                        other.system(),
                        Math.round(100
                                        * result.eventsPerSecond()
                                        / other.result().eventsPerSecond())
                                / 100.0);
            }
        }
    }

    private static String shortName(String system) {
        return system.replace("postgresql", "pg");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
