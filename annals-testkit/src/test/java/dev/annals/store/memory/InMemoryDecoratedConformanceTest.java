package dev.annals.store.memory;

import dev.annals.schema.SchemaValidatingStore;
import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;
import java.util.List;

/** The in-memory store wrapped in a decorator (schema validation) still passes the whole conformance suite. */
class InMemoryDecoratedConformanceTest extends EventStoreConformance {

    @Override
    protected EventStore newStore() {
        return new SchemaValidatingStore(new InMemoryEventStore(), List.of(), SchemaValidatingStore.Mode.REJECT);
    }
}
