package dev.annals.serialization.internal;

import dev.annals.serialization.EventType;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.serialization.SerializedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a registry's upcasters to one stored event until every resulting event is at its type's
 * current version, keeping the order of a split.
 */
public final class UpcastChain {

    /** Guards against upcasters that send an event round in circles. */
    private static final int MAX_STEPS = 1_000;

    private UpcastChain() {}

    /**
     * The events that {@code stored} stands for today, each with its registered type.
     *
     * @throws UpcastFailure naming the type and version that could not be brought up to date
     */
    public static <E> List<Typed<E>> upcast(EventTypeRegistry<E> registry, SerializedEvent stored) {
        var result = new ArrayList<Typed<E>>();
        var pending = new ArrayDeque<SerializedEvent>();
        pending.push(stored);
        int steps = 0;
        while (!pending.isEmpty()) {
            var event = pending.pop();
            Optional<EventType<E>> type = registry.byName(event.type());
            if (type.isPresent() && type.get().schemaVersion() == event.schemaVersion()) {
                result.add(new Typed<>(type.get(), event));
                continue;
            }
            if (++steps > MAX_STEPS) {
                throw new UpcastFailure("upcasters did not converge after " + MAX_STEPS + " steps", event);
            }
            var upcaster = registry.upcasterFor(event.type(), event.schemaVersion());
            if (upcaster.isEmpty()) {
                throw type.isPresent()
                        ? new UpcastFailure(
                                "no upcaster from v" + event.schemaVersion() + " to current v"
                                        + type.get().schemaVersion(),
                                event)
                        : new UpcastFailure(null, event);
            }
            var next = upcaster.get().upcast(event);
            if (next.isEmpty()) {
                throw new UpcastFailure("an upcaster returned no events", event);
            }
            // Pushed in reverse so that the first event of a split is handled, and emitted, first.
            for (int i = next.size() - 1; i >= 0; i--) {
                pending.push(next.get(i));
            }
        }
        return result;
    }

    /** One upcast event with the registered type it now matches. */
    public record Typed<E>(EventType<E> type, SerializedEvent event) {}

    /** Why an event could not be upcast; {@code problem} is null when its type is simply unknown. */
    public static final class UpcastFailure extends RuntimeException {
        private final transient SerializedEvent event;
        private final boolean unknownType;

        UpcastFailure(String problem, SerializedEvent event) {
            super(problem == null ? "unknown event type" : problem);
            this.event = event;
            this.unknownType = problem == null;
        }

        /** The event, at the step where upcasting stopped. */
        public SerializedEvent event() {
            return event;
        }

        /** True when the event's type is neither registered nor upcast. */
        public boolean unknownType() {
            return unknownType;
        }
    }
}
