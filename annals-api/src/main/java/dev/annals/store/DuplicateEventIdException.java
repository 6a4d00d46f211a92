package dev.annals.store;

import java.util.UUID;

/** One append carried the same event id twice. */
public final class DuplicateEventIdException extends InvalidAppendException {

    private final UUID eventId;

    public DuplicateEventIdException(String stream, UUID eventId) {
        super("event id " + eventId + " appears more than once in one append to stream '" + stream + "'");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
