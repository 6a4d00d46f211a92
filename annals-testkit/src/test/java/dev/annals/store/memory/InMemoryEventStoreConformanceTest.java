package dev.annals.store.memory;

import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;

/** The in-memory store passes the conformance suite. */
class InMemoryEventStoreConformanceTest extends EventStoreConformance {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
