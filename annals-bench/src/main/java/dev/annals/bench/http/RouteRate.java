package dev.annals.bench.http;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one load tool measured on one route.
 *
 * @param route            the route loaded
 * @param tool             the load tool: {@code jdk} (this JVM's HttpClient), {@code wrk}, {@code autocannon}
 * @param requests         requests answered in the measured time
 * @param failures         answers that were not 2xx, and requests that got no answer
 * @param elapsed          the measured time
 * @param p50              the median latency
 * @param p99              99% of requests took this long or less
 * @param serverCpuPerRequest the server process's CPU time per request, when the benchmark started it
 */
public record RouteRate(
        HttpRoute route,
        String tool,
        long requests,
        long failures,
        Duration elapsed,
        Duration p50,
        Duration p99,
        Optional<Duration> serverCpuPerRequest) {

    public RouteRate {
        requireNonNull(route, "route");
        requireNonNull(tool, "tool");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(p50, "p50");
        requireNonNull(p99, "p99");
        requireNonNull(serverCpuPerRequest, "serverCpuPerRequest");
    }

    /** Requests answered per second. */
    public double perSecond() {
        return elapsed.isZero() ? 0 : requests * 1e9 / elapsed.toNanos();
    }

    /** This rate with the server's CPU time per request. */
    RouteRate withServerCpu(Optional<Duration> cpu) {
        return new RouteRate(route, tool, requests, failures, elapsed, p50, p99, cpu);
    }
}
