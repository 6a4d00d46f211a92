package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads from the store, a page at a time, what one SSE client missed before the live window: at the
 * client's own pace, on its own thread. One stream is read by version (from its first event, dropping
 * those at or below the cursor); every other source by position.
 */
final class CatchUp {

    private static final int PAGE = 500;

    private final EventReader reader;
    private final ReadSource source;
    private long cursor;
    private long nextVersion;

    CatchUp(EventReader reader, ReadSource source, long cursor) {
        this.reader = reader;
        this.source = source;
        this.cursor = cursor;
    }

    /** Reads on from {@code position} (a client whose live window stopped) rather than where it was. */
    void restartAt(long position) {
        cursor = position;
        nextVersion = 0;
    }

    /**
     * The next events of the source after the cursor, oldest first. A short page proves every event of the
     * source up to the head read before it was sent, so the cursor moves to that head.
     */
    List<RecordedEvent> next() {
        // Read first: every event up to it is committed and will be in the page, or not of this source.
        long head = reader.headPosition();
        long from = source.byVersion() ? nextVersion : cursor + 1;
        var page = new ArrayList<RecordedEvent>();
        int read = 0;
        try (var events = reader.read(new ReadRequest(source, Direction.FORWARD, from, PAGE))) {
            for (var iterator = events.iterator(); iterator.hasNext(); read++) {
                var event = iterator.next();
                nextVersion = event.streamVersion() + 1;
                if (event.position() > cursor) {
                    cursor = event.position();
                    page.add(event);
                }
            }
        }
        if (read < PAGE) {
            cursor = Math.max(cursor, head);
        }
        return page;
    }

    /** The last position read, or passed over as not of the source. */
    long cursor() {
        return cursor;
    }
}
