package dev.annals.store.sqlite.projection;

import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.ReadModelConformance;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The read-model conformance suite on a real SQLite file, operated from a second connection. */
class SqliteProjectionTest extends ReadModelConformance {

    @TempDir
    Path data;

    @Override
    protected EventStore openStore() {
        return SqliteEventStore.open(data);
    }

    @Override
    protected JdbcReadModelStore openReadModel(EventStore store, List<ReadModelTable> tables) {
        return SqliteProjections.readModel((SqliteEventStore) store, tables);
    }

    @Override
    protected JdbcProjectionStates openOperator() {
        return SqliteProjections.states(data);
    }

    @Override
    protected Map<String, Long> tallies() {
        return ReadModelQueries.tallies(data);
    }

    @Override
    protected Map<String, Long> talliedEvents() {
        return ReadModelQueries.totals(data, "SELECT stream, events FROM tallies");
    }

    @Override
    protected boolean tableExists(String name) {
        return !ReadModelQueries.totals(data, "SELECT name, 0 FROM sqlite_master WHERE name = '" + name + "'")
                .isEmpty();
    }
}
