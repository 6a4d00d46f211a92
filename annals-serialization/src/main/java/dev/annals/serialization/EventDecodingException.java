package dev.annals.serialization;

/**
 * A stored event could not be read as a typed event. The message names the type, the schema version,
 * the stream, the stream version and the global position of the event, and what was wrong.
 */
public class EventDecodingException extends RuntimeException {

    private final String type;
    private final String stream;
    private final long position;

    /**
     * @param problem       what was wrong, as a sentence fragment
     * @param type          the stored type name
     * @param schemaVersion the stored schema version
     * @param stream        the stream the event is in
     * @param streamVersion its version in the stream
     * @param position      its global position
     * @param cause         the underlying error, or {@code null}
     */
    public EventDecodingException(
            String problem,
            String type,
            int schemaVersion,
            String stream,
            long streamVersion,
            long position,
            Throwable cause) {
        super(
                problem + ": type '" + type + "' v" + schemaVersion + " in stream '" + stream + "' at version "
                        + streamVersion + ", position " + position,
                cause);
        this.type = type;
        this.stream = stream;
        this.position = position;
    }

    /** The stored type name of the event that could not be read. */
    public String type() {
        return type;
    }

    /** The stream holding the event. */
    public String stream() {
        return stream;
    }

    /** The event's global position. */
    public long position() {
        return position;
    }
}
