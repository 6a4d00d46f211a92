package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.server.internal.json.ApiJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each event's Server-Sent Events frame, rendered once and shared by every client that sends it.
 *
 * <p>Live clients read their events from one {@link LiveTail}, so they hold the very same
 * {@code RecordedEvent} objects: a frame is kept by position and reused while it belongs to that same
 * object. An event read from the store (a client catching up from further back) is another object and is
 * rendered for its client alone. With 200 clients, rendering each event's JSON per client was half the
 * server's work.
 */
final class SseFrames {

    private final AtomicReferenceArray<Rendered> recent;
    private volatile Round round;

    private record Rendered(RecordedEvent event, byte[] frame) {}

    /** Frames for the events after {@code base} as they come, in a ring of {@code capacity}. */
    SseFrames(int capacity, long base) {
        this.recent = new AtomicReferenceArray<>(capacity);
        this.round = Round.before(base);
    }

    /**
     * The frame of {@code event}: its global position as the id (what a reconnecting client sends back
     * as {@code Last-Event-ID}), the type {@code event}, and its JSON on one data line.
     */
    byte[] frame(RecordedEvent event) {
        int slot = (int) (event.position() % recent.length());
        var held = recent.get(slot);
        if (held != null && held.event() == event) {
            return held.frame();
        }
        byte[] frame = render(event);
        recent.set(slot, new Rendered(event, frame));
        return frame;
    }

    /** The last round: how far live clients may send, and its frames in one piece. */
    Round round() {
        return round;
    }

    /** Publishes {@code next} to the clients woken next. */
    void round(Round next) {
        round = next;
    }

    /** The frame of {@code event}, rendered for one client alone (an event read from the store to catch up). */
    static byte[] render(RecordedEvent event) {
        // Compact JSON escapes line breaks inside strings, so one data line carries the whole event.
        return ("id: " + event.position() + "\nevent: event\ndata: " + ApiJson.event(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
