package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite schema comes from Flyway's SQL files; stores written before, whose version is in
 * {@code PRAGMA user_version} alone, are baselined at that version and brought up to date (docs/adr/0028).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaUpgradeTest {

    @TempDir
    Path data;

    @Test
    void a_new_store_records_every_migration_in_flyways_history_and_its_version_in_user_version() throws SQLException {
        SqliteEventStore.open(data).close();

        assertThat(rows(
                        data,
                        "SELECT version || ' ' || type || ' ' || success FROM flyway_schema_history"
                                + " ORDER BY installed_rank"))
                .containsExactly("1 SQL 1", "2 SQL 1", "3 SQL 1", "4 SQL 1", "5 SQL 1", "6 SQL 1");
        assertThat(rows(data, "PRAGMA user_version")).containsExactly("6");
    }

    @Test
    void a_store_at_version_5_from_before_flyway_is_baselined_and_keeps_its_events() throws SQLException {
        LegacySchema.create(data, 5);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
                var statement = connection.createStatement()) {
            // Two events of one stream, written as the version-5 writer wrote them (position 2 not yet indexed).
            statement.execute("INSERT INTO streams(stream_id, name, category) VALUES (1, 'order-1', 'order')");
            statement.execute("INSERT INTO event_types(type_id, name) VALUES (1, 'Placed')");
            statement.execute("INSERT INTO events VALUES (1, 1, 0, randomblob(16), 1, 1, CAST('{}' AS BLOB), NULL, 1)");
            statement.execute("INSERT INTO events VALUES (2, 1, 1, randomblob(16), 1, 1, CAST('{}' AS BLOB), NULL, 2)");
            statement.execute("INSERT INTO stream_index VALUES (1, 0, 1)");
            statement.execute("UPDATE stream_index_state SET indexed_through = 1");
        }

        try (var store = SqliteEventStore.open(data)) {
            assertThat(store.read(ReadRequest.forward(new ReadSource.StreamOf("order-1")))
                            .toList())
                    .hasSize(2);
            assertThat(store.append("order-1", ExpectedVersion.exact(1), EventData.of("Shipped", "{}"))
                            .streamVersion())
                    .isEqualTo(2);
        }

        assertThat(rows(data, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("5 BASELINE", "6 SQL");
        assertThat(schema(data)).isEqualTo(schema(fresh()));
    }

    @ParameterizedTest(name = "from version {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void an_older_store_from_before_flyway_is_upgraded_by_the_sql_files_to_the_schema_a_new_store_has(int version)
            throws SQLException {
        LegacySchema.create(data, version);

        SqliteEventStore.open(data).close();

        var history = rows(data, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank");
        assertThat(history.getFirst()).isEqualTo(version + " BASELINE");
        assertThat(history).hasSize(1 + 6 - version).last().isEqualTo("6 SQL");
        assertThat(rows(data, "PRAGMA user_version")).containsExactly("6");
        assertThat(schema(data)).isEqualTo(schema(fresh()));
    }

    @Test
    void the_projections_connections_upgrade_an_older_store_as_the_store_does() throws SQLException {
        LegacySchema.create(data, 3);

        SqliteProjections.states(data).close();

        assertThat(rows(data, "PRAGMA user_version")).containsExactly("6");
        assertThat(schema(data)).isEqualTo(schema(fresh()));
    }

    @Test
    void threads_that_open_an_older_store_at_once_upgrade_it_once() throws Exception {
        LegacySchema.create(data, 2);
        int threads = 4;
        var start = new CountDownLatch(1);
        var opened = new ArrayList<Future<?>>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    SqliteProjections.states(data).close();
                    return null;
                }));
            }
            start.countDown();
            for (var open : opened) {
                open.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(rows(data, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
    }

    private Path fresh() {
        Path fresh = data.resolve("fresh");
        SqliteEventStore.open(fresh).close();
        return fresh;
    }

    /** The store's tables and indexes as SQLite describes them, without Flyway's own table. */
    private static List<String> schema(Path directory) throws SQLException {
        return rows(
                        directory,
                        "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master"
                                + " WHERE name NOT LIKE 'flyway%' ORDER BY type, name")
                .stream()
                .map(sql -> sql.replaceAll("\\s+", " "))
                .toList();
    }

    private static List<String> rows(Path directory, String sql) throws SQLException {
        try (var connection =
                        DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteEventStore.FILE_NAME));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var all = new ArrayList<String>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            return all;
        }
    }
}
