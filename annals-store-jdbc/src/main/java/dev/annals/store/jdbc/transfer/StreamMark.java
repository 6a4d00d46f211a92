package dev.annals.store.jdbc.transfer;

import dev.annals.store.internal.StreamMarks;

import static java.util.Objects.requireNonNull;

/**
 * The deletion marks of one stream as a copy carries them (docs/adr/0011): the first version its reads
 * return and whether it is live, soft-deleted or tombstoned. Only streams with a mark travel; a stream not
 * listed is live and untruncated.
 *
 * @param stream         the stream's name
 * @param truncateBefore the first version a stream read returns, 0 or more
 * @param state          live (truncated, or soft-deleted and written again), soft-deleted or tombstoned
 */
public record StreamMark(String stream, long truncateBefore, StreamMarks.State state) {

    public StreamMark {
        // Not StreamName.validate: a copy takes the names the source holds, system streams' included.
        if (requireNonNull(stream, "stream").isEmpty()) {
            throw new IllegalArgumentException("a stream mark needs a stream name");
        }
        requireNonNull(state, "state");
        if (truncateBefore < 0) {
            throw new IllegalArgumentException(
                    "stream " + stream + ": truncateBefore must be 0 or more, was " + truncateBefore);
        }
    }

    /** True when this mark changes nothing: a live stream read from version 0. */
    public boolean isNone() {
        return truncateBefore == 0 && state == StreamMarks.State.LIVE;
    }

    /**
     * True when {@code later} can follow this mark in one stream's history: truncation only ever hides
     * more, and a tombstone is final (a soft-deleted stream may live again).
     */
    public boolean canBecome(StreamMark later) {
        return later.truncateBefore >= truncateBefore
                && (state != StreamMarks.State.TOMBSTONED || later.state == StreamMarks.State.TOMBSTONED);
    }
}
