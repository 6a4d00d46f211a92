package dev.annals.kafka.source;

import dev.annals.projection.Projection;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read model of the test writers' {@code Noted} events: per stream, how many events it has seen and the last
 * stream version. An event applied twice or skipped shows as a count that differs from the stream's length.
 */
final class Tallies {

    sealed interface Event {}

    record Noted(int writer) implements Event {}

    static final EventCodec<Event> CODEC = new EventCodec<>(EventTypeRegistry.builder(Event.class)
            .register(Noted.class, "Noted")
            .build());

    static final List<ReadModelTable> TABLES = List.of(ReadModelTable.of(
            "tallies", "stream TEXT PRIMARY KEY, events BIGINT NOT NULL, last_version BIGINT NOT NULL"));

    private Tallies() {}

    /** What runs before each event's tally, in its transaction: a test's gate or planted failure. */
    @FunctionalInterface
    interface Before {
        void run(SqlContext tx) throws Exception;
    }

    static Projection<SqlContext> projection(String name) {
        return projection(name, tx -> {});
    }

    static Projection<SqlContext> projection(String name, Before before) {
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.All())
                .events(CODEC)
                .on(Noted.class, (event, tx) -> {
                    before.run(tx);
                    tx.update(
                            "INSERT INTO {tallies} (stream, events, last_version) VALUES (?, 1, ?) ON CONFLICT (stream)"
                                    + " DO UPDATE SET events = {tallies}.events + 1, last_version = excluded.last_version",
                            tx.event().stream(),
                            tx.event().streamVersion());
                })
                .build();
    }

    /** Each stream's row as "events/last_version". */
    static Map<String, String> rows(java.sql.Connection connection) throws SQLException {
        var rows = new TreeMap<String, String>();
        try (connection;
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT stream, events, last_version FROM tallies")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2) + "/" + result.getLong(3));
            }
        }
        return rows;
    }
}
