package dev.annals.store.sqlite.snapshot;

import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.testkit.snapshot.SnapshotStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite snapshot store passes the snapshot store contract, in a new store file per test. */
class SqliteSnapshotStoreTest extends SnapshotStoreContract {

    @TempDir
    Path data;

    @Override
    protected SnapshotStore newSnapshotStore() {
        SqliteEventStore.open(data).close();
        return SqliteSnapshotStore.open(data);
    }

    @Override
    protected SnapshotStore reopen() {
        return SqliteSnapshotStore.open(data);
    }
}
