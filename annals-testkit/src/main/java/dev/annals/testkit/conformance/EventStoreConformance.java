package dev.annals.testkit.conformance;

import dev.annals.store.EventStore;

/**
 * The conformance suite every {@link EventStore} backend must pass. A backend's test is a subclass
 * that says how to open a fresh, empty store.
 */
public abstract class EventStoreConformance {

    /** A new, empty store; the suite closes it when the test ends. */
    protected abstract EventStore newStore();
}
