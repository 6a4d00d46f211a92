package dev.annals.bench.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Loads one server's health, append and short-read routes in turn with each load tool, measuring every
 * route with the same connections and durations so that their rates compare within the run: the health
 * route first, as the yardstick, then appends, then reads.
 */
public final class HttpBenchmark {

    private final HttpTarget target;
    private final HttpBenchOptions options;
    private final boolean wrk;
    private final Supplier<Optional<Duration>> serverCpu;

    /**
     * @param target    the server and the names written there
     * @param options   the run's shape
     * @param wrk       whether to run {@code wrk} beside this JVM's generator
     * @param serverCpu the server process's CPU time so far, when known (a server started by the benchmark)
     */
    public HttpBenchmark(
            HttpTarget target, HttpBenchOptions options, boolean wrk, Supplier<Optional<Duration>> serverCpu) {
        this.target = requireNonNull(target, "target");
        this.options = requireNonNull(options, "options");
        this.wrk = wrk;
        this.serverCpu = requireNonNull(serverCpu, "serverCpu");
    }

    /** Whether {@code wrk} can be run on this machine. */
    public static boolean wrkAvailable() {
        return WrkLoad.available();
    }

    /** Seeds the short stream, then measures every route with every tool. */
    public HttpBenchResult run(String server) throws InterruptedException {
        var rates = new ArrayList<RouteRate>();
        try (var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build()) {
            target.seed(client);
            LoadTool jdk = new JdkLoad(client, target, options.connections());
            // The server's JIT compiles while the first routes run: every route is loaded once before any
            // is measured, by the stronger tool, so that the first tool's figures are not the cold ones.
            LoadTool strongest = wrk ? new WrkLoad(target, options.connections()) : jdk;
            for (HttpRoute route : HttpRoute.values()) {
                if (!options.warmUp().isZero()) {
                    strongest.load(route, options.warmUp());
                }
            }
            rates.addAll(measure(jdk));
        }
        if (wrk) {
            rates.addAll(measure(new WrkLoad(target, options.connections())));
        }
        return new HttpBenchResult(server, options, List.copyOf(rates));
    }

    /** Each route with {@code tool}: warmed up, then measured with the server's CPU time per request. */
    private List<RouteRate> measure(LoadTool tool) throws InterruptedException {
        var rates = new ArrayList<RouteRate>();
        for (HttpRoute route : HttpRoute.values()) {
            if (!options.warmUp().isZero()) {
                tool.load(route, options.warmUp());
            }
            var before = serverCpu.get();
            RouteRate rate = tool.load(route, options.measured());
            var after = serverCpu.get();
            if (before.isPresent() && after.isPresent() && rate.requests() > 0) {
                rate = rate.withServerCpu(
                        Optional.of(after.get().minus(before.get()).dividedBy(rate.requests())));
            }
            rates.add(rate);
        }
        return rates;
    }
}
