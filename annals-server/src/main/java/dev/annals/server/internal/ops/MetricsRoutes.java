package dev.annals.server.internal.ops;

import dev.annals.store.EventReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Prometheus metrics at {@code /metrics}: a timer of every HTTP request by method, route and status,
 * and the store's head position.
 */
public final class MetricsRoutes {

    private static final String STARTED = "annals.metrics.started";

    private final PrometheusMeterRegistry registry;

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
        Timer.builder("annals.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", ctx.method().name())
                .tag("route", route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
