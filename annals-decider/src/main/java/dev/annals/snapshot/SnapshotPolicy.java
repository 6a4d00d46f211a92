package dev.annals.snapshot;

/**
 * When a load saves a new snapshot: once at least {@code everyEvents} events were folded on top of the
 * newest valid snapshot (or from the start of the stream, when there is none).
 *
 * @param everyEvents 1 or more
 */
public record SnapshotPolicy(int everyEvents) {

    public SnapshotPolicy {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("a snapshot policy needs every 1 or more events, was " + everyEvents);
        }
    }

    /** A snapshot every {@code events} events. */
    public static SnapshotPolicy every(int events) {
        return new SnapshotPolicy(events);
    }

    /** True when {@code eventsFolded} events past the last snapshot call for a new one. */
    public boolean isDue(long eventsFolded) {
        return eventsFolded >= everyEvents;
    }
}
