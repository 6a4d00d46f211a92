package dev.annals.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An event as the store holds it.
 *
 * <p>Numbering conventions: the first event of a stream has {@code streamVersion} 0 and versions are
 * contiguous within a stream. The first event of the store has {@code position} 1; positions are
 * strictly increasing in commit order and, on every Annals backend, gap-free.
 *
 * @param stream        the stream the event belongs to
 * @param streamVersion 0-based, contiguous index of the event within its stream
 * @param position      1-based global position, assigned at commit
 * @param eventId       the id given at append
 * @param type          the stable type name
 * @param schemaVersion the payload's schema version as written
 * @param payload       UTF-8 JSON bytes; not copied, must not be changed
 * @param metadata      correlation, causation, user and other entries
 * @param recordedAt    when the store committed the event (its clock, microsecond precision)
 */
public record RecordedEvent(
        String stream,
        long streamVersion,
        long position,
        UUID eventId,
        String type,
        int schemaVersion,
        byte[] payload,
        Metadata metadata,
        Instant recordedAt) {

    public RecordedEvent {
        requireNonNull(stream, "stream");
        requireNonNull(eventId, "eventId");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(metadata, "metadata");
        requireNonNull(recordedAt, "recordedAt");
    }

    /** The category of the event's stream: the part of its name before the first {@code -}. */
    public String category() {
        return dev.annals.store.StreamName.categoryOf(stream);
    }

    /** The payload decoded as UTF-8 text. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** True when this recorded event holds exactly what {@code data} asked to append. */
    public boolean hasSameContentAs(EventData data) {
        return eventId.equals(data.eventId())
                && type.equals(data.type())
                && schemaVersion == data.schemaVersion()
                && Arrays.equals(payload, data.payload())
                && metadata.equals(data.metadata());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedEvent that
                && stream.equals(that.stream)
                && streamVersion == that.streamVersion
                && position == that.position
                && eventId.equals(that.eventId)
                && type.equals(that.type)
                && schemaVersion == that.schemaVersion
                && Arrays.equals(payload, that.payload)
                && metadata.equals(that.metadata)
                && recordedAt.equals(that.recordedAt);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "RecordedEvent[" + stream + "@" + streamVersion + " #" + position + " " + type + " v" + schemaVersion
                + " " + eventId + " " + payloadAsString() + "]";
    }
}
