package dev.annals.store;

/**
 * A store that can delete and truncate streams, with the semantics users of EventStoreDB expect.
 *
 * <p>Every Annals backend (in memory, SQLite, PostgreSQL) and the HTTP client implement it and prove it
 * in the conformance suite; it is a capability of its own rather than part of {@link EventStore} so that
 * decorators (a schema-validating store, say) need not offer it. See docs/erasure.md and docs/adr/0011.
 *
 * <p>What every operation guarantees and what it does not:
 * <ul>
 *     <li>It is logical: the events stay in the log at their global positions. Reads of the stream by
 *     version ({@link EventReader#readStream}, loads for decisions) no longer return the hidden events;
 *     reads by global position ({@code $all}, categories, event types) and therefore subscriptions and
 *     projections still deliver them, and the audit trail's hash chain stays intact.</li>
 *     <li>A soft delete ({@link DeletionMode#SOFT}) hides every event of the stream and removes it from
 *     {@link EventReader#streams()}. The stream can be written again with {@code noStream} or
 *     {@code any}; its versions continue after the last one deleted, and the old events stay hidden.</li>
 *     <li>A hard delete ({@link DeletionMode#HARD}) does the same and leaves a tombstone: every later
 *     append to the stream fails with {@link StreamDeletedException}. It cannot be undone.</li>
 *     <li>Truncation hides the events before a version; the stream keeps its version and its appends.</li>
 *     <li>None of them makes personal data unreadable: use crypto-shredding for that.</li>
 * </ul>
 * Each operation is atomic, durable when it returns, and ordered with appends to the same stream.
 */
public interface StreamDeletion {

    /**
     * Deletes {@code stream}: softly (it may be recreated) or hard (a tombstone, for good). Deleting a
     * stream again the same way changes nothing and reports 0 events hidden.
     *
     * @return the stream's last version, its first readable version afterwards and how many events this hid
     * @throws StreamNotFoundException when the stream has never been written
     * @throws StreamDeletedException  when a soft delete meets a tombstone
     */
    StreamDeletionResult deleteStream(String stream, DeletionMode mode);

    /**
     * Hides the events of {@code stream} before {@code beforeVersion}: reads of the stream start there.
     * Truncation only ever hides more: a version at or below the current start changes nothing.
     *
     * @param beforeVersion the first version to keep readable; at most the stream's version plus one
     * @throws StreamNotFoundException   when the stream has never been written or is soft-deleted
     * @throws StreamDeletedException    when the stream is tombstoned
     * @throws InvalidTruncationException when {@code beforeVersion} is negative or past the stream's end
     */
    StreamDeletionResult truncateStream(String stream, long beforeVersion);
}
