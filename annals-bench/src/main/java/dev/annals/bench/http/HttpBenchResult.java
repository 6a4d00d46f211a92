package dev.annals.bench.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an HTTP throughput run measured: each tool's rate on each route, and each route's rate as a share
 * of the health route's measured by the same tool in the same run.
 *
 * @param server  what was loaded, for the report's first line
 * @param options the run's shape
 * @param rates   by tool, then route, in the order measured
 */
public record HttpBenchResult(String server, HttpBenchOptions options, List<RouteRate> rates) {

    /** The share of the health route's rate an append must reach (issue 19). */
    public static final double APPEND_TARGET = 0.60;
    /** The share of the health route's rate a short read must reach (issue 19). */
    public static final double READ_TARGET = 0.70;

    public HttpBenchResult {
        requireNonNull(server, "server");
        requireNonNull(options, "options");
        rates = List.copyOf(rates);
    }

    /** Failed requests over every tool and route. */
    public long failures() {
        return rates.stream().mapToLong(RouteRate::failures).sum();
    }

    /** {@code route}'s rate as a share of the health route's, measured by {@code tool}, if both ran. */
    public Optional<Double> ratio(String tool, HttpRoute route) {
        var health = rate(tool, HttpRoute.HEALTH);
        var other = rate(tool, route);
        if (health.isEmpty() || other.isEmpty() || health.get().perSecond() == 0) {
            return Optional.empty();
        }
        return Optional.of(other.get().perSecond() / health.get().perSecond());
    }

    private Optional<RouteRate> rate(String tool, HttpRoute route) {
        return rates.stream()
                .filter(rate -> rate.tool().equals(tool) && rate.route() == route)
                .findFirst();
    }

    /** The report: one line per tool and route, then the ratios against the targets. */
    public String report() {
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "HTTP throughput: %d keep-alive connections, %d s per route after %d s of warm-up; %s%n",
                options.connections(),
                options.measured().toSeconds(),
                options.warmUp().toSeconds(),
                server));
        out.append(String.format(
                Locale.ROOT,
                "%-5s %-7s %12s %10s %10s %10s %14s %9s%n",
                "tool",
                "route",
                "requests/s",
                "p50",
                "p99",
                "vs health",
                "server CPU/req",
                "failures"));
        for (RouteRate rate : rates) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-5s %-7s %,12.0f %10s %10s %10s %14s %,9d%n",
                    rate.tool(),
                    rate.route().label(),
                    rate.perSecond(),
                    millis(rate.p50()),
                    millis(rate.p99()),
                    ratio(rate.tool(), rate.route())
                            .map(share -> String.format(Locale.ROOT, "%.0f%%", share * 100))
                            .orElse("-"),
                    rate.serverCpuPerRequest()
                            .map(cpu -> String.format(Locale.ROOT, "%.0f us", cpu.toNanos() / 1e3))
                            .orElse("-"),
                    rate.failures()));
        }
        rates.stream().map(RouteRate::tool).distinct().forEach(tool -> {
            target(out, tool, HttpRoute.APPEND, APPEND_TARGET);
            target(out, tool, HttpRoute.READ, READ_TARGET);
        });
        return out.toString();
    }

    private void target(StringBuilder out, String tool, HttpRoute route, double target) {
        ratio(tool, route)
                .ifPresent(share -> out.append(String.format(
                        Locale.ROOT,
                        "%s: %s at %.0f%% of health (target %.0f%%: %s)%n",
                        tool,
                        route.label(),
                        share * 100,
                        target * 100,
                        selfLimited(tool)
                                ? "not judged, " + tool + " limits itself"
                                : share >= target ? "met" : "not met")));
    }

    /**
     * Whether {@code tool} drove the health route at less than half the rate another tool reached: then the
     * generator, not the server, set its pace, and its shares of that rate say nothing about the server.
     */
    private boolean selfLimited(String tool) {
        double own = rate(tool, HttpRoute.HEALTH).map(RouteRate::perSecond).orElse(0.0);
        double fastest = rates.stream()
                .filter(rate -> rate.route() == HttpRoute.HEALTH)
                .mapToDouble(RouteRate::perSecond)
                .max()
                .orElse(0);
        return own < fastest / 2;
    }

    private static String millis(Duration latency) {
        return String.format(Locale.ROOT, "%.2f ms", latency.toNanos() / 1e6);
    }
}
