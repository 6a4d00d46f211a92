package dev.annals.store.jdbc.transfer;

import static java.util.Objects.requireNonNull;

/**
 * A source store as one read transaction saw it: its head position and its {@link ErasureState}. The marks
 * agree with the events up to the head (deletions and appends are ordered on every backend), so a copy of
 * the events up to {@code head} followed by these marks is the store as it was at that moment.
 *
 * @param head    the position of the last event, 0 when there is none
 * @param erasure the stream marks and subject keys
 */
public record TransferSnapshot(long head, ErasureState erasure) {

    public TransferSnapshot {
        requireNonNull(erasure, "erasure");
    }
}
