package dev.annals.store.sqlite;

import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;

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

    /** A trigger in the store's file refuses the poisoned payload, as a constraint of the database would. */
    @Override
    protected boolean poison(EventStore store) {
        var file = ((SqliteEventStore) store).file();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.payload = CAST('" + POISON
                    + "' AS BLOB) BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the poison trigger", e);
        }
    }

    @Override
    protected void discard(EventStore store) {
        super.discard(store);
        TempDirectories.delete(((SqliteEventStore) store).file().getParent());
    }
}
