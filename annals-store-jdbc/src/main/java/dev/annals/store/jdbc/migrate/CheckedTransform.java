package dev.annals.store.jdbc.migrate;

import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventTransform;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A migration's {@link EventTransform}, held to its contract on every event: the event that comes out has
 * the id, stream, version, position and time of the one that went in.
 */
final class CheckedTransform {

    private final EventTransform transform;

    CheckedTransform(EventTransform transform) {
        this.transform = requireNonNull(transform, "transform");
    }

    /**
     * {@code event} as the target must hold it.
     *
     * @throws MigrationRejectedException when the transform fails or changes the event's identity
     */
    RecordedEvent apply(RecordedEvent event) {
        RecordedEvent copy;
        try {
            copy = transform.transform(event);
        } catch (RuntimeException e) {
            throw new MigrationRejectedException(
                    "the transform failed on " + describe(event) + ": " + e.getMessage(), e);
        }
        if (copy == null
                || !copy.stream().equals(event.stream())
                || copy.streamVersion() != event.streamVersion()
                || copy.position() != event.position()
                || !copy.eventId().equals(event.eventId())
                || !Objects.equals(copy.recordedAt(), event.recordedAt())) {
            throw new MigrationRejectedException("the transform changed the identity of " + describe(event)
                    + ": it may change type, schema version, payload and metadata, never the id, stream, version,"
                    + " position or timestamp");
        }
        return copy;
    }

    /** The event for people: id, position, stream and version, type and schema version. */
    static String describe(RecordedEvent event) {
        return "event " + event.eventId() + " (position " + event.position() + ", " + event.stream() + " version "
                + event.streamVersion() + ", " + event.type() + " v" + event.schemaVersion() + ")";
    }
}
