package dev.annals.store;

/** How {@link StreamDeletion#deleteStream} deletes a stream. */
public enum DeletionMode {
    /** Hidden from stream reads; the stream may be written again, its versions continuing. */
    SOFT,
    /** Hidden from stream reads and tombstoned: no append to the stream ever succeeds again. */
    HARD
}
