package dev.annals.store.sqlite;

import dev.annals.schema.SchemaValidatingStore;
import dev.annals.store.EventStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQLite store wrapped in a decorator (schema validation) still passes the whole conformance suite,
 * deletion and head notifications included: a decorator keeps the capabilities of the store it wraps.
 */
class SqliteDecoratedConformanceTest extends SqliteEventStoreConformanceTest {

    private final Map<EventStore, EventStore> wrapped = new ConcurrentHashMap<>();

    @Override
    protected EventStore newStore() {
        EventStore store = super.newStore();
        var decorated = new SchemaValidatingStore(store, List.of(), SchemaValidatingStore.Mode.REJECT);
        wrapped.put(decorated, store);
        return decorated;
    }

    @Override
    protected boolean poison(EventStore store) {
        return super.poison(wrapped.get(store));
    }

    @Override
    protected void discard(EventStore store) {
        super.discard(wrapped.remove(store));
    }
}
