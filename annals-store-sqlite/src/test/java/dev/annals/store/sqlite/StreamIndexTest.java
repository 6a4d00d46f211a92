package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.sqlite.internal.SqliteDialect;
import dev.annals.store.sqlite.transfer.SqliteImport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream index that trails the log (docs/adr/0015): the writer indexes the tail in batches, reads
 * merge the index with the tail, opening and importing leave nothing behind, and an older file is
 * upgraded. The conformance suite runs with a tiny batch too; these tests look at the file itself.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamIndexTest {

    private static final List<String> STREAMS = List.of("account-1", "account-2", "order-9");

    @TempDir
    Path data;

    @Test
    void the_writer_indexes_the_tail_once_it_holds_a_batch() throws SQLException {
        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withStreamIndexBatch(10))) {
            appendRoundRobin(store, 25);

            // One append per commit: the batches close at positions 10 and 20; 21..25 wait for the next.
            assertThat(indexedThrough()).isEqualTo(20);
            assertThat(count("SELECT COUNT(*) FROM stream_index")).isEqualTo(20);
            assertThat(count("SELECT COUNT(*) FROM stream_index i JOIN events e ON e.position = i.position"
                            + " AND e.stream_id = i.stream_id AND e.stream_version = i.stream_version"))
                    .isEqualTo(20);
        }
    }

    @Test
    void reads_of_a_stream_merge_the_index_and_the_tail_in_both_directions() {
        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withStreamIndexBatch(10))) {
            var appended = appendRoundRobin(store, 25);

            for (String stream : STREAMS) {
                var expected = appended.stream()
                        .filter(event -> event.stream().equals(stream))
                        .toList();
                var source = new ReadSource.StreamOf(stream);
                assertThat(store.read(ReadRequest.forward(source)).toList()).isEqualTo(expected);
                assertThat(store.read(ReadRequest.backward(source)).toList()).isEqualTo(expected.reversed());
                // Pages that start in the index and end in the tail, and the other way round.
                assertThat(store.read(ReadRequest.forward(source).from(4).limit(3))
                                .toList())
                        .isEqualTo(expected.subList(4, 7));
                assertThat(store.read(ReadRequest.backward(source).from(7).limit(3))
                                .toList())
                        .isEqualTo(expected.subList(5, 8).reversed());
            }
            // A stream written only before the last batch was indexed has no event in the tail.
            store.append("quiet-1", ExpectedVersion.noStream(), EventData.of("Noted", "{}"));
            appendRoundRobin(store, 10);
            assertThat(store.readStream("quiet-1").toList())
                    .extracting(RecordedEvent::position)
                    .containsExactly(26L);
            assertThat(store.streams()
                            .filter(info -> !info.stream().equals("quiet-1"))
                            .toList())
                    .containsExactly(
                            new StreamInfo("account-1", 12, 36),
                            new StreamInfo("account-2", 10, 34),
                            new StreamInfo("order-9", 10, 35));
        }
    }

    @Test
    void opening_the_store_indexes_a_tail_left_by_an_earlier_run() throws SQLException {
        List<RecordedEvent> appended;
        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withStreamIndexBatch(1000))) {
            appended = appendRoundRobin(store, 25);
        }
        assertThat(indexedThrough()).isZero();

        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withStreamIndexBatch(1000))) {
            assertThat(indexedThrough()).isEqualTo(25);
            assertThat(count("SELECT COUNT(*) FROM stream_index")).isEqualTo(25);
            assertThat(store.readStream("account-1").toList())
                    .isEqualTo(appended.stream()
                            .filter(event -> event.stream().equals("account-1"))
                            .toList());
        }
    }

    @Test
    void a_file_from_before_the_stream_index_table_is_upgraded_with_every_event_indexed() throws SQLException {
        List<RecordedEvent> appended;
        try (var store = SqliteEventStore.open(data)) {
            appended = appendRoundRobin(store, 25);
        }
        // Put the file back in the shape schema version 4 gave it, from before the schema's Flyway history.
        execute(
                "CREATE UNIQUE INDEX events_by_stream ON events(stream_id, stream_version)",
                "DROP TABLE stream_index",
                "DROP TABLE stream_index_state",
                "DROP TABLE flyway_schema_history",
                "PRAGMA user_version = 4");

        try (var store = SqliteEventStore.open(data)) {
            assertThat(count("PRAGMA user_version")).isEqualTo(6);
            assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_by_stream'"))
                    .isZero();
            assertThat(indexedThrough()).isEqualTo(25);
            assertThat(count("SELECT COUNT(*) FROM stream_index")).isEqualTo(25);
            assertThat(store.read(ReadRequest.backward(new ReadSource.StreamOf("order-9")))
                            .toList())
                    .isEqualTo(appended.stream()
                            .filter(event -> event.stream().equals("order-9"))
                            .toList()
                            .reversed());
            assertThat(store.append("order-9", ExpectedVersion.exact(7), EventData.of("Shipped", "{}"))
                            .streamVersion())
                    .isEqualTo(8);
        }
    }

    @Test
    void an_import_indexes_what_it_wrote_before_it_commits() throws SQLException {
        var source = data.resolve("source");
        List<RecordedEvent> appended;
        try (var store = SqliteEventStore.open(source, SqliteOptions.defaults().withStreamIndexBatch(1000))) {
            appended = appendRoundRobin(store, 25);
        }
        var target = data.resolve("target");
        SqliteEventStore.open(target).close();

        SqliteImport.into(target, appended.iterator());

        try (var connection = connect(target)) {
            assertThat(single(connection, "SELECT indexed_through FROM stream_index_state"))
                    .isEqualTo(25);
            assertThat(single(connection, "SELECT COUNT(*) FROM stream_index")).isEqualTo(25);
        }
    }

    @Test
    void a_stream_read_seeks_the_index_and_scans_only_the_tail_of_the_log() throws SQLException {
        try (var store = SqliteEventStore.open(data)) {
            appendRoundRobin(store, 3);
        }
        var plan = new ArrayList<String>();
        for (var direction : Direction.values()) {
            String sql = new SqliteDialect().readPage(new ReadSource.StreamOf("account-1"), direction);
            try (var connection = connect(data);
                    var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                statement.setString(1, "account-1");
                statement.setLong(2, 0);
                statement.setLong(3, 10);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.add(rows.getString("detail"));
                    }
                }
            }
        }

        assertThat(plan)
                .anyMatch(step -> step.startsWith("SEARCH i USING PRIMARY KEY (stream_id=?"))
                .anyMatch(step -> step.equals("SEARCH e USING INTEGER PRIMARY KEY (rowid>?)"))
                .noneMatch(step -> step.startsWith("SCAN e") || step.startsWith("SCAN i"));
    }

    /** Appends {@code count} single events, one per commit, to the three streams in turn. */
    private static List<RecordedEvent> appendRoundRobin(SqliteEventStore store, int count) {
        for (int i = 0; i < count; i++) {
            store.append(
                    STREAMS.get(i % STREAMS.size()), ExpectedVersion.any(), EventData.of("Noted", "{\"n\":" + i + "}"));
        }
        return store.read(ReadRequest.forward(new ReadSource.All())).toList();
    }

    private long indexedThrough() throws SQLException {
        return count("SELECT indexed_through FROM stream_index_state");
    }

    private long count(String sql) throws SQLException {
        try (var connection = connect(data)) {
            return single(connection, sql);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (var connection = connect(data);
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            assertThat(row.next()).as("a row from %s", sql).isTrue();
            return row.getLong(1);
        }
    }

    private static Connection connect(Path directory) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteEventStore.FILE_NAME));
    }
}
