package dev.annals.store.postgres;

import dev.annals.schema.SchemaValidatingStore;
import dev.annals.store.EventStore;
import java.util.List;

/**
 * The PostgreSQL store wrapped in a decorator (schema validation) still passes the whole conformance
 * suite, deletion and head notifications included: a decorator keeps the capabilities of the store it wraps.
 */
class PostgresDecoratedConformanceTest extends PostgresEventStoreConformanceTest {

    @Override
    protected EventStore newStore() {
        return new SchemaValidatingStore(super.newStore(), List.of(), SchemaValidatingStore.Mode.REJECT);
    }
}
