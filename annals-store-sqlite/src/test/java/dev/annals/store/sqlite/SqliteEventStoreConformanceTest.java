package dev.annals.store.sqlite;

import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SQLite store passes the conformance suite, each test on a fresh file in a new directory. */
class SqliteEventStoreConformanceTest extends EventStoreConformance {

    /** The store's options; a subclass varies them to run the suite again. */
    protected SqliteOptions options() {
        return SqliteOptions.defaults();
    }

    @Override
    protected EventStore newStore() {
        try {
            return SqliteEventStore.open(Files.createTempDirectory("annals-sqlite-conformance"), options());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void discard(EventStore store) {
        super.discard(store);
        TempDirectories.delete(((SqliteEventStore) store).file().getParent());
    }
}
