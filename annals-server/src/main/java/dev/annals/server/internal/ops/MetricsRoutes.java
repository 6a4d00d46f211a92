package dev.annals.server.internal.ops;

import dev.annals.store.EventReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Prometheus metrics at {@code /metrics}: a timer of every HTTP request by method, route and status,
 * and the store's head position.
 */
public final class MetricsRoutes {

    private static final String STARTED = "annals.metrics.started";

    private final PrometheusMeterRegistry registry;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public MetricsRoutes(PrometheusMeterRegistry registry, EventReader store) {
        this.registry = requireNonNull(registry, "registry");
        Gauge.builder("annals.store.head.position", store, EventReader::headPosition)
                .description("the global position of the store's last committed event")
                .register(registry);
    }

    /** Registers the route and the request timer on {@code app}. */
    public void install(Javalin app) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(this::record);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        var key = new TimerKey(ctx.method().name(), route.isEmpty() ? "unmatched" : route, ctx.statusCode());
        timers.computeIfAbsent(key, this::timer).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** Registering looks the meter up by its sorted tags, a cost paid once per key here instead of per request. */
    private Timer timer(TimerKey key) {
        return Timer.builder("annals.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    /** What tells one request timer from another; routes are templates, so there are few. */
    private record TimerKey(String method, String route, int status) {}
}
