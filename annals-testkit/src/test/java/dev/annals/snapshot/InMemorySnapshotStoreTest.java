package dev.annals.snapshot;

import dev.annals.testkit.snapshot.SnapshotStoreContract;

/** The in-memory snapshot store passes the snapshot store contract; it keeps nothing outside its instance. */
class InMemorySnapshotStoreTest extends SnapshotStoreContract {

    private final InMemorySnapshotStore store = new InMemorySnapshotStore();

    @Override
    protected SnapshotStore newSnapshotStore() {
        return store;
    }

    @Override
    protected SnapshotStore reopen() {
        return store;
    }
}
