package dev.annals.store;

import static java.util.Objects.requireNonNull;

/**
 * One read: what to select, in which direction, from where, and how many at most.
 *
 * <p>{@code from} is inclusive. It is a stream version for {@link ReadSource.StreamOf} and a global
 * position otherwise. Reading forward from {@link #START} begins at the first event; reading backward
 * from {@link #END} begins at the last.
 *
 * @param source    which events
 * @param direction oldest or newest first
 * @param from      the first version or position to return, inclusive
 * @param limit     the most events to return; 1 or more
 */
public record ReadRequest(ReadSource source, Direction direction, long from, long limit) {

    /** Read forward from the very beginning. */
    public static final long START = 0;
    /** Read backward from the very end. */
    public static final long END = Long.MAX_VALUE;
    /** No limit on the number of events. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public ReadRequest {
        requireNonNull(source, "source");
        requireNonNull(direction, "direction");
        if (from < 0) {
            throw new IllegalArgumentException("a read must start at 0 or more, was " + from);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("a read's limit must be 1 or more, was " + limit);
        }
    }

    /** Every event of {@code source}, oldest first. */
    public static ReadRequest forward(ReadSource source) {
        return new ReadRequest(source, Direction.FORWARD, START, NO_LIMIT);
    }

    /** Every event of {@code source}, newest first. */
    public static ReadRequest backward(ReadSource source) {
        return new ReadRequest(source, Direction.BACKWARD, END, NO_LIMIT);
    }

    public ReadRequest from(long newFrom) {
        return new ReadRequest(source, direction, newFrom, limit);
    }

    public ReadRequest limit(long newLimit) {
        return new ReadRequest(source, direction, from, newLimit);
    }

    /** True when {@code versionOrPosition} is at or past the start of this read in its direction. */
    public boolean admits(long versionOrPosition) {
        return direction == Direction.FORWARD ? versionOrPosition >= from : versionOrPosition <= from;
    }
}
