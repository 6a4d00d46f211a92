package dev.annals.store;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An append was refused because one of its events holds text no backend can store the same way: a NUL or
 * other control character in its type, an unpaired UTF-16 surrogate in its type or metadata, a type
 * longer than {@value EventTexts#MAX_TYPE_LENGTH} characters. Every backend refuses the same events, so
 * data stays portable between them.
 */
public class InvalidEventException extends InvalidAppendException {

    private final String stream;
    private final UUID eventId;
    private final String field;
    private final String reason;

    public InvalidEventException(String stream, UUID eventId, String field, String reason) {
        super("event " + eventId + " appended to stream '" + stream + "' has an invalid " + field + ": " + reason);
        this.stream = requireNonNull(stream, "stream");
        this.eventId = requireNonNull(eventId, "eventId");
        this.field = requireNonNull(field, "field");
        this.reason = requireNonNull(reason, "reason");
    }

    public String stream() {
        return stream;
    }

    public UUID eventId() {
        return eventId;
    }

    /** What was invalid: {@code type}, or {@code metadata key} / {@code metadata value 'k'}. */
    public String field() {
        return field;
    }

    /** The rule it broke, such as "has a NUL character at index 3". */
    public String reason() {
        return reason;
    }
}
