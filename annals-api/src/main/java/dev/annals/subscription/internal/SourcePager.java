package dev.annals.subscription.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a source page by page after a checkpoint, remembering where the next page starts.
 *
 * <p>Sources addressed by position continue from the last position seen. One stream is addressed by
 * version: the pager starts at version 0, drops events at or below the checkpoint, and then continues
 * from the next version. Each page is read whole and its cursor closed before the events are handed on,
 * so no read connection is held while a subscriber is slow.
 */
public final class SourcePager {

    private final EventReader reader;
    private final ReadSource source;
    private final int pageSize;
    private long lastPosition;
    private long nextVersion;

    public SourcePager(EventReader reader, ReadSource source, long checkpoint, int pageSize) {
        this.reader = reader;
        this.source = source;
        this.lastPosition = checkpoint;
        this.pageSize = pageSize;
    }

    /** The next events after the last one returned, oldest first; empty when there are none yet. */
    public List<RecordedEvent> nextPage() {
        var page = new ArrayList<RecordedEvent>(Math.min(pageSize, 1024));
        long positionBefore = lastPosition;
        long versionBefore = nextVersion;
        int read;
        try {
            do {
                read = readInto(page);
                // A stream's first pages may lie wholly at or below the checkpoint; keep going past them.
            } while (page.isEmpty() && read == pageSize);
        } catch (RuntimeException e) {
            // The page is lost with the failure: forget it wholly, so that a retry reads it again.
            lastPosition = positionBefore;
            nextVersion = versionBefore;
            throw e;
        }
        return page;
    }

    private int readInto(List<RecordedEvent> page) {
        long from = source.byVersion() ? nextVersion : lastPosition + 1;
        int read = 0;
        try (var events = reader.read(new ReadRequest(source, Direction.FORWARD, from, pageSize))) {
            for (var iterator = events.iterator(); iterator.hasNext(); read++) {
                var event = iterator.next();
                nextVersion = event.streamVersion() + 1;
                // Guards the order promise even against a misbehaving backend: never repeat, never go back.
                if (event.position() > lastPosition) {
                    lastPosition = event.position();
                    page.add(event);
                }
            }
        }
        return read;
    }

    /** The position of the last event returned, or the checkpoint when none was. */
    public long lastPosition() {
        return lastPosition;
    }
}
