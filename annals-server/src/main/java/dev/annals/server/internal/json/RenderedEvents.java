package dev.annals.server.internal.json;

import dev.annals.event.RecordedEvent;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of events written more than once, by the identity of the event object. A store that answers a
 * page again from what it kept (the SQLite read connections do while nothing was committed) hands out the
 * same objects, and a page of a short stream read again and again spent a third of its time rebuilding
 * the same JSON. An event object is immutable, so its JSON never changes; a new read of the database makes
 * new objects, which are written afresh. An event is remembered at its second sight, so pages read once
 * (most reads of a busy store) pay only a map look-up per event.
 */
final class RenderedEvents {

    /** Events remembered at most; the map is emptied when it is full. */
    private static final int MAX_EVENTS = 4096;
    /** The largest JSON of one event remembered: the map holds at most MAX_EVENTS of these. */
    private static final int MAX_JSON_BYTES = 4096;

    private static final byte[] SEEN_ONCE = new byte[0];

    private final ConcurrentHashMap<Identity, byte[]> rendered = new ConcurrentHashMap<>();

    /** The JSON of {@code event} kept from an earlier write, or null. */
    byte[] json(RecordedEvent event) {
        byte[] json = rendered.get(new Identity(event));
        return json == null || json == SEEN_ONCE ? null : json;
    }

    /** Whether {@code event} was seen before; records this sight. */
    boolean seenBefore(RecordedEvent event) {
        if (rendered.size() >= MAX_EVENTS) {
            rendered.clear();
        }
        return rendered.putIfAbsent(new Identity(event), SEEN_ONCE) != null;
    }

    /** Keeps {@code json} as the JSON of {@code event}, unless it is larger than is worth keeping. */
    void remember(RecordedEvent event, byte[] json) {
        if (json.length <= MAX_JSON_BYTES) {
            rendered.put(new Identity(event), json);
        }
    }

    /** An event compared by identity: {@code RecordedEvent.equals} compares payloads byte by byte. */
    private static final class Identity {

        private final RecordedEvent event;

        Identity(RecordedEvent event) {
            this.event = event;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.event == event;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(event);
        }
    }
}
