package dev.annals.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

import static java.util.Objects.requireNonNull;

/**
 * The latency of append calls, as percentiles of every call made.
 *
 * @param p50  the median
 * @param p99  99% of calls took this long or less
 * @param p999 99.9% of calls took this long or less
 * @param max  the slowest call
 */
public record Latency(Duration p50, Duration p99, Duration p999, Duration max) {

    public Latency {
        requireNonNull(p50, "p50");
        requireNonNull(p99, "p99");
        requireNonNull(p999, "p999");
        requireNonNull(max, "max");
    }

    /** The percentiles of a histogram of nanoseconds. */
    public static Latency of(Histogram nanos) {
        return new Latency(
                Duration.ofNanos(nanos.getValueAtPercentile(50)),
                Duration.ofNanos(nanos.getValueAtPercentile(99)),
                Duration.ofNanos(nanos.getValueAtPercentile(99.9)),
                Duration.ofNanos(nanos.getMaxValue()));
    }
}
