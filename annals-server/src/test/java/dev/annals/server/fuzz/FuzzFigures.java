package dev.annals.server.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a fuzzing run sent and how the server answered, and writes the figures for the docs. */
public final class FuzzFigures {

    private final String run;
    private final Instant started = Instant.now();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();
    private long slowestNanos;
    private String slowest = "";

    /** @param run what was fuzzed, such as {@code "HTTP API, tokens required"} */
    public FuzzFigures(String run) {
        this.run = run;
    }

    /** Notes how long {@code request} took, to report the slowest. */
    public synchronized void took(long nanos, FuzzRequest request) {
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = request.inputClass();
        }
    }

    /** Counts {@code request}, answered with {@code status}. */
    public void answered(int status, String error, FuzzRequest request) {
        sent.increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        String route = request.inputClass().split(", ")[0];
        byRoute.computeIfAbsent(route + " -> " + status + " " + error, r -> new LongAdder())
                .increment();
    }

    /** Answers by route and status, one line each, for a closer look than the summary. */
    public String byRoute() {
        var lines = new StringBuilder();
        new TreeMap<>(byRoute).forEach((key, count) -> lines.append("  ")
                .append(key)
                .append(": ")
                .append(count.sum())
                .append('\n'));
        return lines.toString();
    }

    public long sent() {
        return sent.sum();
    }

    /** How many answers were 500 or above (or no answer at all). */
    public long serverErrors() {
        return byStatus.entrySet().stream()
                .filter(entry -> entry.getKey() >= 500 || entry.getKey() < 0)
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** The figures as a few lines of text. */
    public String summary() {
        var statuses = new TreeMap<Integer, Long>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return run + ": " + sent() + " requests in "
                + java.time.Duration.between(started, Instant.now()).toSeconds() + " s, " + serverErrors()
                + " answered 5xx or not at all; by status " + statuses + "; slowest " + slowestNanos / 1_000_000
                + " ms (" + slowest + ") ("
                + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version().feature() + ")";
    }

    /** Prints the summary and the answers by route, and appends both to {@code target/fuzz-figures.txt}. */
    public void report() {
        String summary = summary();
        System.out.println(summary);
        System.out.print(byRoute());
        try {
            Path file = Path.of("target", "fuzz-figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    summary + System.lineSeparator() + byRoute(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
