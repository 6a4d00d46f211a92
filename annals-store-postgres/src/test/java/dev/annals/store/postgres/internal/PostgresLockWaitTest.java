package dev.annals.store.postgres.internal;

import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.postgres.TestDatabase;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * PostgreSQL waits for locks in the server, and a failed statement spoils its transaction: its dialect names
 * no error a lock wait, so {@link LockWaits} never retries a PostgreSQL statement on its own.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresLockWaitTest {

    @Test
    void runs_a_statement_refused_for_a_lock_once_and_hands_its_error_back() throws SQLException {
        String schema = TestDatabase.newSchema();
        var dialect = new PostgresDialect(schema);
        try (var holder = TestDatabase.connect();
                var other = TestDatabase.connect();
                var hold = holder.createStatement();
                var wait = other.createStatement()) {
            hold.execute("CREATE SCHEMA " + schema);
            hold.execute("CREATE TABLE " + schema + ".t (id INT PRIMARY KEY)");
            hold.execute("INSERT INTO " + schema + ".t VALUES (1)");
            hold.execute("BEGIN");
            hold.execute("SELECT * FROM " + schema + ".t WHERE id = 1 FOR UPDATE");
            wait.execute("SET lock_timeout = '50ms'");
            var calls = new AtomicInteger();

            var refused = catchThrowableOfType(
                    SQLException.class,
                    () -> LockWaits.retryWhileBusy(dialect, () -> {
                        calls.incrementAndGet();
                        return wait.executeUpdate("UPDATE " + schema + ".t SET id = 2 WHERE id = 1");
                    }));
            hold.execute("ROLLBACK");

            assertThat(refused.getSQLState()).isEqualTo("55P03");
            assertThat(dialect.isBusy(refused)).isFalse();
            assertThat(calls).hasValue(1);
        }
    }
}
