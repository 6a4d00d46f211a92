package dev.annals.serialization;

/**
 * A stored event has a type name that the registry does not know (and no upcaster turns into a known
 * one). Register the type, or an upcaster from it, under exactly that name.
 */
public final class UnknownEventTypeException extends EventDecodingException {

    public UnknownEventTypeException(String type, int schemaVersion, String stream, long streamVersion,
                                     long position) {
        super("unknown event type", type, schemaVersion, stream, streamVersion, position, null);
    }
}
