package dev.annals.projection;

import dev.annals.serialization.EventCodec;
import dev.annals.store.ReadSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link Projection}: the source, the codecs, and one handler per event class. Checked when
 * built: a source and at least one handler, each handled class registered in one of the codecs.
 *
 * @param <C> the handlers' context type
 */
public final class ProjectionBuilder<C> {

    private final String name;
    private ReadSource source = new ReadSource.All();
    private final List<EventCodec<?>> codecs = new ArrayList<>();
    private final Map<Class<?>, ProjectionHandler<Object, C>> handlers = new LinkedHashMap<>();

    ProjectionBuilder(String name) {
        this.name = name;
    }

    /** Reads {@code newSource} ({@code $all} unless set): a category, an event type or one stream. */
    public ProjectionBuilder<C> source(ReadSource newSource) {
        this.source = requireNonNull(newSource, "source");
        return this;
    }

    /** Decodes stored events with {@code codec}; give one per entity whose events are handled. */
    public ProjectionBuilder<C> events(EventCodec<?> codec) {
        codecs.add(requireNonNull(codec, "codec"));
        return this;
    }

    /**
     * Runs {@code handler} for every event of class {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} already has a handler
     */
    @SuppressWarnings("unchecked")
    public <E> ProjectionBuilder<C> on(Class<E> type, ProjectionHandler<? super E, C> handler) {
        requireNonNull(type, "type");
        requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(type, (ProjectionHandler<Object, C>) handler) != null) {
            throw new IllegalArgumentException("projection " + name + " already has a handler for " + type.getName());
        }
        return this;
    }

    /**
     * The projection.
     *
     * @throws IllegalStateException when there is no handler, or a handled class is in no codec's registry
     */
    public Projection<C> build() {
        if (handlers.isEmpty()) {
            throw new IllegalStateException("projection " + name + " has no handler; register them with on(...)");
        }
        for (Class<?> type : handlers.keySet()) {
            boolean known = codecs.stream().anyMatch(codec -> codec.registry().types().stream()
                    .anyMatch(registered -> registered.javaType().equals(type)));
            if (!known) {
                throw new IllegalStateException("projection " + name + " handles " + type.getName()
                        + ", which no codec given with events(...) registers");
            }
        }
        return new Projection<>(name, source, codecs, handlers);
    }
}
