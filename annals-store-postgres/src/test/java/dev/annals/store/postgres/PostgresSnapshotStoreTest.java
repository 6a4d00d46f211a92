package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.testkit.snapshot.SnapshotStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The PostgreSQL snapshot store passes the snapshot store contract, in a new schema per test: opened on an
 * event store's pool, and opened again from its address as the CLI would.
 */
class PostgresSnapshotStoreTest extends SnapshotStoreContract {

    private final PostgresOptions options = TestDatabase.newOptions().withListen(false);
    private HikariDataSource pool;
    private PostgresEventStore store;

    @Override
    protected SnapshotStore newSnapshotStore() {
        pool = TestDatabase.smallPool();
        store = PostgresEventStore.open(pool, options);
        return PostgresSnapshotStore.of(store);
    }

    @Override
    protected SnapshotStore reopen() {
        return PostgresSnapshotStore.open(TestDatabase.address(options.schema()));
    }

    @AfterEach
    void close_the_store() {
        store.close();
        pool.close();
    }
}
