package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteConnectionsTest {

    @TempDir
    Path data;

    @Test
    void a_new_file_takes_pages_of_4_KiB_and_bounds_its_wal_at_8_MiB() throws SQLException {
        try (var writer = SqliteConnections.writer(data.resolve("annals.db"))) {
            assertThat(SqliteConnections.pageSize(writer)).isEqualTo(4096);
            assertThat(pragma(writer, "wal_autocheckpoint")).isEqualTo(2048);
            assertThat(SqliteConnections.pages(writer, Checkpointer.RESTART_BYTES))
                    .isEqualTo(1024);
        }
    }

    @Test
    void a_file_made_with_pages_of_1_KiB_keeps_them_and_the_same_wal_bound_in_bytes() throws SQLException {
        Path file = data.resolve("annals.db");
        // As Annals made its files before 7 December 2026: 1 KiB pages, then WAL.
        try (var older = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = older.createStatement()) {
            statement.execute("PRAGMA page_size = 1024");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE earlier (value INTEGER)");
        }
        try (var writer = SqliteConnections.writer(file)) {
            assertThat(SqliteConnections.pageSize(writer)).isEqualTo(1024);
            assertThat(pragma(writer, "wal_autocheckpoint")).isEqualTo(8192);
            assertThat(SqliteConnections.pages(writer, Checkpointer.RESTART_BYTES))
                    .isEqualTo(4096);
            try (var statement = writer.createStatement()) {
                statement.execute("INSERT INTO earlier VALUES (1)");
            }
        }
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getLong(1);
        }
    }
}
