package dev.annals.store;

/**
 * An event store: append-only streams with optimistic concurrency and a global order.
 *
 * <p>Guarantees every Annals backend gives, and proves by passing the conformance suite in
 * annals-testkit: appends are atomic and durable when acknowledged; stream versions are contiguous from
 * 0; global positions are strictly increasing from 1 in commit order and gap-free, so a reader that has
 * seen position P never later finds an event below P; exact retries are idempotent.
 */
public interface EventStore extends EventAppender, EventReader, AutoCloseable {

    /** Releases the store's resources; appends still in flight are completed first. */
    @Override
    void close();
}
