package dev.annals.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Presents a benchmark result: as a table for people, or as one JSON object for tools. */
public final class BenchmarkReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkReport() {}

    /** A readable table, several lines, ending with a line break. */
    public static String table(BenchmarkResult result) {
        requireNonNull(result, "result");
        var options = result.options();
        var latency = result.latency();
        var lines = new StringBuilder();
        lines.append("append benchmark: ").append(result.target()).append('\n');
        row(lines, "location", result.location());
        row(lines, "writers", format("%,d, each on its own stream", options.writers()));
        row(lines, "events per append", format("%,d", options.batch()));
        row(lines, "payload", format("%,d bytes", options.size()));
        row(lines, "events", format("%,d appended, %,d stored", result.eventsAppended(), result.eventsStored()));
        row(lines, "appends", format("%,d", result.appends()));
        row(lines, "elapsed", format("%.3f s", seconds(result.elapsed())));
        row(
                lines,
                "throughput",
                format("%,.0f events/s, %,.0f appends/s", result.eventsPerSecond(), result.appendsPerSecond()));
        row(
                lines,
                "latency per append",
                format(
                        "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
                        millis(latency.p50()), millis(latency.p99()), millis(latency.p999()), millis(latency.max())));
        return lines.toString();
    }

    /** One JSON object on one line, without a line break; durations in milliseconds or seconds as named. */
    public static String json(BenchmarkResult result) {
        requireNonNull(result, "result");
        var options = result.options();
        ObjectNode node = JSON.createObjectNode()
                .put("target", result.target())
                .put("location", result.location())
                .put("writers", options.writers())
                .put("batch", options.batch())
                .put("size", options.size())
                .put("eventsRequested", options.events())
                .put("eventsAppended", result.eventsAppended())
                .put("eventsStored", result.eventsStored())
                .put("appends", result.appends())
                .put("elapsedSeconds", seconds(result.elapsed()))
                .put("eventsPerSecond", Math.round(result.eventsPerSecond()))
                .put("appendsPerSecond", Math.round(result.appendsPerSecond()));
        node.putObject("latencyMillis")
                .put("p50", millis(result.latency().p50()))
                .put("p99", millis(result.latency().p99()))
                .put("p999", millis(result.latency().p999()))
                .put("max", millis(result.latency().max()));
        return node.toString();
    }

    private static void row(StringBuilder lines, String name, String value) {
        lines.append(format("  %-19s %s", name, value)).append('\n');
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
