package dev.annals.store;

import java.util.UUID;

/**
 * An append reused event ids that the store already holds, but not as an exact retry of one earlier
 * append: the content differs, the ids belong to another stream, or only some of them were stored.
 * An exact retry is not an error: it returns the original result.
 */
public final class EventIdConflictException extends InvalidAppendException {

    private final UUID eventId;
    private final String reason;

    public EventIdConflictException(String stream, UUID eventId, String reason) {
        super("event id " + eventId + " in an append to stream '" + stream + "' is already stored: " + reason);
        this.eventId = eventId;
        this.reason = reason;
    }

    public UUID eventId() {
        return eventId;
    }

    /** Why the reused id is not an exact retry, such as {@code it belongs to stream 'account-2'}. */
    public String reason() {
        return reason;
    }
}
