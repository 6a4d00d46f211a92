package dev.annals.store.internal;

import dev.annals.store.DeletionMode;
import dev.annals.store.InvalidTruncationException;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamNotFoundException;

/**
 * What a backend records of a stream's deletion: its last version, the first version reads return, and
 * its state; and the rules every backend applies to them, so that they agree.
 *
 * @param lastVersion    the version of the stream's last event, deleted or not
 * @param truncateBefore the first version a stream read returns
 * @param state          live, soft-deleted or tombstoned
 */
public record StreamMarks(long lastVersion, long truncateBefore, State state) {

    /** A stream's deletion state, stored as its {@link #code()}. */
    public enum State {
        LIVE,
        DELETED,
        TOMBSTONED;

        /** The number stored in the {@code streams.deleted} column. */
        public int code() {
            return ordinal();
        }

        /** The state stored as {@code code}. */
        public static State ofCode(int code) {
            return values()[code];
        }
    }

    /** The marks of a stream never deleted nor truncated. */
    public static StreamMarks live(long lastVersion) {
        return new StreamMarks(lastVersion, 0, State.LIVE);
    }

    /** The version an expected version is checked against: a soft-deleted stream counts as no stream. */
    public long versionForAppend(String stream) {
        return versionForAppend(stream, lastVersion, state);
    }

    /**
     * The version an expected version is checked against, for a stream at {@code lastVersion} in
     * {@code state}: a soft-deleted stream counts as no stream.
     *
     * @throws StreamDeletedException when the stream is tombstoned
     */
    public static long versionForAppend(String stream, long lastVersion, State state) {
        if (state == State.TOMBSTONED) {
            throw new StreamDeletedException(stream);
        }
        return state == State.DELETED ? StreamInfo.NO_STREAM : lastVersion;
    }

    /** The marks after an append that wrote up to {@code newLastVersion}: a soft-deleted stream lives again. */
    public StreamMarks appended(long newLastVersion) {
        return new StreamMarks(newLastVersion, truncateBefore, State.LIVE);
    }

    /** The marks after deleting the stream; see {@link dev.annals.store.StreamDeletion#deleteStream}. */
    public Change delete(String stream, DeletionMode mode) {
        if (state == State.TOMBSTONED && mode == DeletionMode.SOFT) {
            throw new StreamDeletedException(stream);
        }
        var after = new StreamMarks(
                lastVersion,
                Math.max(truncateBefore, lastVersion + 1),
                mode == DeletionMode.HARD ? State.TOMBSTONED : State.DELETED);
        return new Change(after, result(stream, after));
    }

    /** The marks after truncating the stream; see {@link dev.annals.store.StreamDeletion#truncateStream}. */
    public Change truncate(String stream, long beforeVersion) {
        if (state == State.TOMBSTONED) {
            throw new StreamDeletedException(stream);
        }
        if (state == State.DELETED) {
            throw new StreamNotFoundException(stream);
        }
        if (beforeVersion < 0 || beforeVersion > lastVersion + 1) {
            throw new InvalidTruncationException(stream, beforeVersion, lastVersion);
        }
        var after = new StreamMarks(lastVersion, Math.max(truncateBefore, beforeVersion), state);
        return new Change(after, result(stream, after));
    }

    private StreamDeletionResult result(String stream, StreamMarks after) {
        return new StreamDeletionResult(
                stream, lastVersion, after.truncateBefore, after.truncateBefore - truncateBefore);
    }

    /**
     * The outcome of a deletion or truncation: the marks to store and what to report.
     *
     * @param after  the new marks
     * @param result the report
     */
    public record Change(StreamMarks after, StreamDeletionResult result) {}
}
