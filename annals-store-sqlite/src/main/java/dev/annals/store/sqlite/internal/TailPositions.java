package dev.annals.store.sqlite.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest position of each stream in the tail of the log, as this process's writer wrote it, so that a
 * stream read scans only as much of the tail as the stream reaches into, and none of it for a stream the
 * tail does not hold (docs/adr/0015). Most loads are of such streams, and scanning the tail was most of
 * their cost.
 *
 * <p>The open store's dialect binds {@link #end} as the end of the tail's position range in its stream
 * reads; 0 when the stream has no event in the tail. It is exact for this process because the store holds
 * the directory lock and indexes the whole tail when it opens. Readers in other processes (such as
 * {@code annals replay}) use queries without it.
 *
 * <p>Why it is safe to read it before the statement's snapshot: the writer records a position before the
 * COMMIT that makes it visible, and forgets positions only after the COMMIT that indexed them. A read thus
 * finds every event committed before it asked, and at worst misses events committed between asking and
 * its snapshot, which it could as well have missed by starting a moment earlier.
 */
final class TailPositions {

    private final ConcurrentHashMap<String, Long> newest = new ConcurrentHashMap<>();

    /** Records that {@code stream} has an event at {@code position}; before the COMMIT that holds it. */
    void written(String stream, long position) {
        newest.merge(stream, position, Math::max);
    }

    /** Forgets the streams whose tail events are all indexed now; after the COMMIT that indexed them. */
    void indexed(long through) {
        newest.values().removeIf(position -> position <= through);
    }

    /** The newest position of {@code stream} in the tail, 0 when it has none there. */
    long end(String stream) {
        return newest.getOrDefault(stream, 0L);
    }
}
