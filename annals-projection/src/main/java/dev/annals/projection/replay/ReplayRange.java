package dev.annals.projection.replay;

/**
 * The global positions a replay delivers, both inclusive: events of the projection's source at positions
 * {@code from..to}. {@link #HEAD} as {@code to} means the store's head when the replay starts; events
 * appended later are not delivered.
 *
 * @param from the first position, 1 or more
 * @param to   the last position, {@code from} or more
 */
public record ReplayRange(long from, long to) {

    /** As {@code to}: the head of the store when the replay starts. */
    public static final long HEAD = Long.MAX_VALUE;

    public ReplayRange {
        if (from < 1) {
            throw new IllegalArgumentException("a replay starts at position 1 or later, was " + from);
        }
        if (to < from) {
            throw new IllegalArgumentException("a replay ends at or after its start " + from + ", was " + to);
        }
    }

    /** Every event, from the first to the head. */
    public static ReplayRange all() {
        return new ReplayRange(1, HEAD);
    }

    /** True when the range starts at the first event: the replayed version is then complete up to {@code to}. */
    public boolean fromStart() {
        return from == 1;
    }
}
