package dev.annals.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.internal.UpcastChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rewrites one stored event while a store is copied ({@code annals migrate --transform}): its type, schema
 * version, payload or metadata may change; its identity may not. The event keeps its id, stream, stream
 * version, global position and recorded-at time, so that every checkpoint, expected version and
 * consistency token held outside the store stays valid. One event in, one event out: a transform cannot
 * split or drop events (that would renumber positions and versions).
 *
 * <p>Implementations used by the CLI are public classes with a public no-argument constructor. They must
 * be pure: the same event always gives the same result, because an interrupted migration transforms again
 * what it had copied to check it.
 */
@FunctionalInterface
public interface EventTransform {

    /**
     * The event as it should be stored in the target.
     *
     * @throws RuntimeException when the event cannot be transformed; the copy stops and names it
     */
    RecordedEvent transform(RecordedEvent event);

    /** The transform that changes nothing. */
    static EventTransform identity() {
        return event -> event;
    }

    /**
     * Brings every event whose type one of {@code registries} knows up to its type's current schema version
     * with the registered upcasters, so that the target stores today's shapes and needs no upcasting on
     * read. Events of other types pass unchanged.
     *
     * @throws IllegalArgumentException from {@link #transform} when an upcaster splits the event, fails,
     *                                  or its payload is not a JSON object
     */
    static EventTransform upcasting(List<EventTypeRegistry<?>> registries) {
        var all = List.copyOf(requireNonNull(registries, "registries"));
        var json = new ObjectMapper();
        return event -> {
            for (var registry : all) {
                boolean current = registry.byName(event.type())
                        .filter(type -> type.schemaVersion() == event.schemaVersion())
                        .isPresent();
                boolean known = registry.byName(event.type()).isPresent()
                        || registry.upcasterFor(event.type(), event.schemaVersion())
                                .isPresent();
                if (current || !known) {
                    continue;
                }
                var upcast = upcast(registry, event, json);
                try {
                    return new RecordedEvent(
                            event.stream(),
                            event.streamVersion(),
                            event.position(),
                            event.eventId(),
                            upcast.type(),
                            upcast.schemaVersion(),
                            json.writeValueAsBytes(upcast.payload()),
                            event.metadata(),
                            event.recordedAt());
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return event;
        };
    }

    private static SerializedEvent upcast(EventTypeRegistry<?> registry, RecordedEvent event, ObjectMapper json) {
        ObjectNode payload;
        try {
            if (!(json.readTree(event.payload()) instanceof ObjectNode object)) {
                throw new IllegalArgumentException("payload is not a JSON object");
            }
            payload = object;
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getMessage(), e);
        }
        List<? extends UpcastChain.Typed<?>> result;
        try {
            result = UpcastChain.upcast(registry, new SerializedEvent(event.type(), event.schemaVersion(), payload));
        } catch (UpcastChain.UpcastFailure failure) {
            throw new IllegalArgumentException(
                    event.type() + " v" + event.schemaVersion() + ": " + failure.getMessage(), failure);
        }
        if (result.size() != 1) {
            throw new IllegalArgumentException(event.type() + " v" + event.schemaVersion() + " upcasts into "
                    + result.size() + " events; a migration keeps one event per position, so it cannot split");
        }
        return result.getFirst().event();
    }
}
