package dev.annals.store.sqlite.internal;

import dev.annals.store.Direction;
import dev.annals.store.ReadSource;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What SQLite's dialect says about transactions, lock waits and deleting secrets. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteDialectTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @TempDir
    Path data;

    @Test
    void writes_no_page_limit_as_a_bare_parameter_so_that_a_prepared_page_query_is_compiled_once() {
        var open = new SqliteDialect(new TailPositions());
        var queries = new java.util.ArrayList<String>();
        for (var source : java.util.List.of(
                new ReadSource.StreamOf("account-1"),
                new ReadSource.All(),
                new ReadSource.Category("account"),
                new ReadSource.EventType("Deposited"))) {
            for (var direction : Direction.values()) {
                queries.add(dialect.readPage(source, direction));
                queries.add(open.readPage(source, direction));
            }
        }
        queries.add(dialect.selectStreamsPage());

        assertThat(queries)
                .allSatisfy(sql -> assertThat(sql).contains("LIMIT +?").doesNotContainPattern("LIMIT \\?"));
    }

    @Test
    void calls_busy_and_locked_errors_lock_waits_by_their_primary_code() {
        assertThat(dialect.isBusy(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY)))
                .isTrue();
        assertThat(dialect.isBusy(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))
                .isTrue();
        assertThat(dialect.isBusy(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED)))
                .isTrue();
        assertThat(dialect.isBusy(new SQLiteException("unique", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)))
                .isFalse();
        assertThat(dialect.isBusy(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL)))
                .isFalse();
    }

    @Test
    void calls_the_error_of_a_write_refused_while_another_connection_writes_a_lock_wait() throws SQLException {
        SqliteEventStore.open(data).close();
        try (var holder = open();
                var other = open();
                var hold = holder.createStatement();
                var write = other.createStatement()) {
            hold.execute(dialect.beginWrite());
            var refused = catchThrowableOfType(SQLException.class, () -> write.execute(dialect.beginWrite()));
            hold.execute("ROLLBACK");

            assertThat(dialect.isBusy(refused)).isTrue();
        }
    }

    @Test
    void has_deleted_content_overwritten() throws SQLException {
        SqliteEventStore.open(data).close();
        try (var connection = open();
                var statement = connection.createStatement()) {
            for (String sql : dialect.secureDelete()) {
                statement.execute(sql);
            }
            try (var row = statement.executeQuery("PRAGMA secure_delete")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(1);
            }
        }
    }

    private java.sql.Connection open() throws SQLException {
        var config = new SQLiteConfig();
        config.setBusyTimeout(0);
        return config.createConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
    }
}
