package dev.annals.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Rewrites one stored event of one type and schema version into its next shape, on read.
 *
 * <p>An upcaster is registered for a type name and the version it reads ({@code from}); it returns
 * one event (usually the same type at {@code from + 1}) or several (a split: one stored event becomes
 * two). Every event returned is upcast again until it reaches its type's current version, so upcasters
 * chain: v1 -> v2 -> v3. Upcasters must be pure: the stored bytes never change, and the same input must
 * always give the same output, because history is read again and again.
 */
@FunctionalInterface
public interface Upcaster {

    /**
     * Returns {@code event} in its next shape; never empty (dropping history is not an upcast).
     *
     * @param event the event at the version this upcaster was registered for
     */
    List<SerializedEvent> upcast(SerializedEvent event);

    /** An upcaster that rewrites the payload with {@code change} and moves the event up one version. */
    static Upcaster transform(UnaryOperator<ObjectNode> change) {
        requireNonNull(change, "change");
        return event -> List.of(event.at(event.schemaVersion() + 1, change.apply(event.payload())));
    }

    /**
     * An upcaster that renames the payload field {@code from} to {@code to} and moves the event up one
     * version. A payload without {@code from} is passed on unchanged but for its version.
     */
    static Upcaster renameField(String from, String to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return transform(payload -> {
            if (payload.has(from)) {
                payload.set(to, payload.remove(from));
            }
            return payload;
        });
    }
}
