package dev.annals.store.sqlite.internal;

import dev.annals.store.jdbc.ConnectionLender;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadConnectionsTest {

    @TempDir
    Path data;

    @Test
    void hands_out_the_statement_it_prepared_before_on_the_same_connection() throws Exception {
        SqliteEventStore.open(data).close();
        try (var pool = new ReadConnections(data.resolve(SqliteEventStore.FILE_NAME), 1)) {
            PreparedStatement first = pool.withStatement("SELECT ? + 1", statement -> statement);
            PreparedStatement again = pool.withStatement("SELECT ? + 1", statement -> {
                statement.setLong(1, 41);
                try (var row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).isEqualTo(42);
                }
                return statement;
            });

            assertThat(again).isSameAs(first);
            assertThat(again.isClosed()).isFalse();
        }
    }

    @Test
    void closes_the_least_recently_used_statement_beyond_thirty_two() throws Exception {
        SqliteEventStore.open(data).close();
        try (var pool = new ReadConnections(data.resolve(SqliteEventStore.FILE_NAME), 1)) {
            var statements = new ArrayList<PreparedStatement>();
            for (int i = 0; i < 33; i++) {
                statements.add(pool.withStatement("SELECT " + i, statement -> statement));
            }

            assertThat(statements.getFirst().isClosed()).isTrue();
            assertThat(statements.subList(1, 33)).noneMatch(statement -> {
                try {
                    return statement.isClosed();
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void answers_a_cached_query_again_until_another_connection_commits() throws Exception {
        SqliteEventStore.open(data).close();
        Path file = data.resolve(SqliteEventStore.FILE_NAME);
        var runs = new AtomicInteger();
        ConnectionLender.StatementWork<Long> count = statement -> {
            runs.incrementAndGet();
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        };
        // Another process's connection: the pool's readers cannot tell its commits from their own memory.
        try (var other = DriverManager.getConnection("jdbc:sqlite:" + file);
                var pool = new ReadConnections(file, 1)) {
            other.createStatement().execute("CREATE TABLE notes (note TEXT)");

            assertThat(pool.withCachedQuery("notes", "SELECT count(*) FROM notes", count, any -> true))
                    .isEqualTo(0L);
            assertThat(pool.withCachedQuery("notes", "SELECT count(*) FROM notes", count, any -> true))
                    .isEqualTo(0L);
            assertThat(runs).hasValue(1);

            other.createStatement().execute("INSERT INTO notes VALUES ('committed elsewhere')");

            assertThat(pool.withCachedQuery("notes", "SELECT count(*) FROM notes", count, any -> true))
                    .isEqualTo(1L);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void runs_again_a_query_whose_result_was_not_worth_keeping() throws Exception {
        SqliteEventStore.open(data).close();
        var runs = new AtomicInteger();
        try (var pool = new ReadConnections(data.resolve(SqliteEventStore.FILE_NAME), 1)) {
            for (int i = 0; i < 2; i++) {
                pool.withCachedQuery("one", "SELECT 1", statement -> runs.incrementAndGet(), any -> false);
            }
        }

        assertThat(runs).hasValue(2);
    }

    @Test
    void callers_sharing_statements_each_get_their_own_answer() throws Exception {
        SqliteEventStore.open(data).close();
        try (var pool = new ReadConnections(data.resolve(SqliteEventStore.FILE_NAME), 2);
                var callers = Executors.newFixedThreadPool(8)) {
            var answers = new ArrayList<Future<Long>>();
            for (long n = 0; n < 2_000; n++) {
                long value = n;
                answers.add(callers.submit(() -> pool.withStatement("SELECT ? * 2", statement -> {
                    statement.setLong(1, value);
                    try (var row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                })));
            }

            var got = new ArrayList<Long>();
            for (var answer : answers) {
                got.add(answer.get());
            }
            assertThat(got)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 2_000).mapToObj(n -> 2L * n).toList());
        }
    }
}
