package dev.annals.store;

import java.util.UUID;

/** An event's payload and metadata together exceed the store's configured limit. */
public final class EventTooLargeException extends InvalidAppendException {

    private final UUID eventId;
    private final long size;
    private final long limit;

    public EventTooLargeException(String stream, UUID eventId, long size, long limit) {
        super("event " + eventId + " for stream '" + stream + "' is " + size + " bytes, more than the limit of " + limit
                + " bytes");
        this.eventId = eventId;
        this.size = size;
        this.limit = limit;
    }

    public UUID eventId() {
        return eventId;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
