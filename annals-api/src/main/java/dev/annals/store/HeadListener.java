package dev.annals.store;

/**
 * Told the new head position after the store has committed an append.
 *
 * <p>Called on the store's committing thread: it must return at once (signal a waiter, never read the
 * store or block). A listener that throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface HeadListener {

    /** The store's head position is now {@code headPosition} (the last committed global position). */
    void headChanged(long headPosition);
}
