package dev.annals.serialization;

/**
 * A stored event has a type name that the registry does not know (and no upcaster turns into a known
 * one). Register the type, or an upcaster from it, under exactly that name.
 */
public final class UnknownEventTypeException extends EventDecodingException {

    /**
     * @param type          the stored type name nobody knows
     * @param schemaVersion its stored schema version
     * @param stream        the stream holding the event
     * @param streamVersion its version in the stream
     * @param position      its global position
     */
    public UnknownEventTypeException(String type, int schemaVersion, String stream, long streamVersion, long position) {
        super("unknown event type", type, schemaVersion, stream, streamVersion, position, null);
    }
}
