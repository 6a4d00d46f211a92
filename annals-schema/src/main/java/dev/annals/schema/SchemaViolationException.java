package dev.annals.schema;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** An append was refused because an event's payload does not fit its registered schema; nothing was written. */
public final class SchemaViolationException extends RuntimeException {

    private final transient UUID eventId;
    private final String type;
    private final int schemaVersion;
    private final List<String> problems;

    public SchemaViolationException(
            String stream, UUID eventId, String type, int schemaVersion, List<String> problems) {
        super("event " + eventId + " for stream " + stream + " does not fit schema " + type + " v" + schemaVersion
                + ": " + String.join("; ", problems));
        this.eventId = requireNonNull(eventId, "eventId");
        this.type = requireNonNull(type, "type");
        this.schemaVersion = schemaVersion;
        this.problems = List.copyOf(problems);
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
