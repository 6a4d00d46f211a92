package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.server.internal.auth.Caller;
import dev.annals.store.ReadSource;

/**
 * Which events of the log one SSE client is sent: those of its source (a stream, a category, an event type
 * or all) that its caller may see. The one place that decides it, so that a new way of sharing the log out
 * (a member of a consumer group taking its part of the streams) is one more condition here, not another
 * delivery.
 *
 * @param source what the client subscribed to
 * @param caller who subscribed
 */
record Selection(ReadSource source, Caller caller) {

    /** True when {@code event}, taken from the whole log, is to be sent. */
    boolean wants(RecordedEvent event) {
        return LiveTail.matches(source, event) && sees(event);
    }

    /** True when it wants every event of the log: it may be sent a round's frames joined in one piece. */
    boolean everything() {
        return source instanceof ReadSource.All && caller.seesEveryStream();
    }

    /**
     * True when {@code event}, read from the store for this source, may be sent: a category may hold streams
     * outside a token's prefix (the stream named as the category itself).
     */
    boolean sees(RecordedEvent event) {
        return caller.sees(event.stream());
    }
}
