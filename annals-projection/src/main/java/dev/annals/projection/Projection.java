package dev.annals.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventCodec;
import dev.annals.store.ReadSource;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A read model's definition: its name, the events it reads, and a typed handler per event class,
 * registered explicitly with {@link ProjectionBuilder#on}.
 *
 * <p>Stored events are decoded with the codecs given to the builder (upcasting included). Events whose
 * type no codec knows, and decoded events with no handler, are passed over: they still move the
 * checkpoint. Immutable and thread-safe.
 *
 * @param <C> what handlers receive beside the event (see {@link ProjectionHandler})
 */
public final class Projection<C> {

    private final String name;
    private final ReadSource source;
    private final List<EventCodec<?>> codecs;
    private final Map<Class<?>, ProjectionHandler<Object, C>> handlers;

    Projection(
            String name,
            ReadSource source,
            List<EventCodec<?>> codecs,
            Map<Class<?>, ProjectionHandler<Object, C>> handlers) {
        this.name = name;
        this.source = source;
        this.codecs = List.copyOf(codecs);
        this.handlers = Map.copyOf(handlers);
    }

    /**
     * Starts a projection named {@code name}: letters, digits, {@code _} and {@code -}, at most 100
     * characters, because it names tables and checkpoints.
     */
    public static <C> ProjectionBuilder<C> builder(String name) {
        return new ProjectionBuilder<>(ProjectionNames.validate(name));
    }

    public String name() {
        return name;
    }

    /**
     * The same projection under {@code newName}: what one segment of a segmented projection runs as, so that
     * its checkpoint, health and dead letters are kept under a name of its own.
     */
    public Projection<C> named(String newName) {
        return new Projection<>(requireNonNull(newName, "newName"), source, codecs, handlers);
    }

    /** The events this projection subscribes to. */
    public ReadSource source() {
        return source;
    }

    /**
     * Decodes {@code recorded} and runs the handler of each decoded event, in order: {@link #handle} of
     * {@link #decode}.
     *
     * @return how many handlers ran; 0 when the projection has no interest in the event
     * @throws Exception what decoding or a handler threw
     */
    public int apply(RecordedEvent recorded, C context) throws Exception {
        return handle(decode(recorded), context);
    }

    /**
     * The typed events {@code recorded} stands for, decoded by the first codec that knows its type (upcast
     * included); empty when no codec does. Needs no context, so a runner may decode ahead of the handlers, on
     * another thread, and keep the result for a retry.
     *
     * @throws Exception what decoding threw
     */
    public List<Object> decode(RecordedEvent recorded) throws Exception {
        requireNonNull(recorded, "recorded");
        for (EventCodec<?> codec : codecs) {
            var registry = codec.registry();
            if (registry.byName(recorded.type()).isEmpty()
                    && registry.upcasterFor(recorded.type(), recorded.schemaVersion())
                            .isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            var events = (List<Object>) (List<?>) codec.decode(recorded);
            return events;
        }
        return List.of();
    }

    /**
     * Runs the handler of each of {@code events} (what {@link #decode} returned for one recorded event), in
     * order; events with no handler are passed over.
     *
     * @return how many handlers ran
     * @throws Exception what a handler threw
     */
    public int handle(List<Object> events, C context) throws Exception {
        int ran = 0;
        for (Object event : events) {
            var handler = handlers.get(event.getClass());
            if (handler != null) {
                handler.handle(event, context);
                ran++;
            }
        }
        return ran;
    }

    @Override
    public String toString() {
        return "Projection[" + name + " on " + source + ", handles "
                + handlers.keySet().stream().map(Class::getSimpleName).sorted().toList() + "]";
    }
}
