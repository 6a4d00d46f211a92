package dev.annals.projection.internal;

import dev.annals.projection.ProjectionHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The Micrometer gauges of one projection, tagged {@code projection=NAME}; they read the health its
 * runner measured last, so scraping never touches the database.
 */
public final class ProjectionGauges implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public ProjectionGauges(MeterRegistry registry, String projection, Supplier<ProjectionHealth> health) {
        this.registry = registry;
        gauge(
                "annals.projection.checkpoint",
                "position of the last event processed",
                projection,
                health,
                ProjectionHealth::checkpoint);
        gauge(
                "annals.projection.lag.events",
                "events behind the head",
                projection,
                health,
                ProjectionHealth::eventsBehind);
        gauge(
                "annals.projection.lag.seconds",
                "age of the oldest event not yet processed",
                projection,
                health,
                ProjectionHealth::secondsBehind);
        gauge("annals.projection.dead.letters", "open dead letters", projection, health, ProjectionHealth::deadLetters);
        gauge(
                "annals.projection.state",
                "0 running, 1 paused, 2 stopped on error, 3 rebuilding, 4 stopped",
                projection,
                health,
                h -> h.state().ordinal());
    }

    private void gauge(
            String name,
            String description,
            String projection,
            Supplier<ProjectionHealth> health,
            ToDoubleFunction<ProjectionHealth> value) {
        meters.add(Gauge.builder(name, health, h -> value.applyAsDouble(h.get()))
                .description(description)
                .tag("projection", projection)
                .strongReference(true)
                .register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
