package dev.annals.store.jdbc.projection.internal;

import dev.annals.store.jdbc.SqlDialect;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lock waits are the dialect's to name: the retry loop knows no database's error codes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LockWaitsTest {

    /** Vendor code 5, which is SQLITE_BUSY to SQLite and means nothing in particular to another driver. */
    private static final SQLException CODE_FIVE = new SQLException("refused", "55P03", 5);

    @Test
    void retries_a_call_while_the_dialect_says_the_database_is_busy() throws SQLException {
        var calls = new AtomicInteger();

        int result = LockWaits.retryWhileBusy(dialect(true), () -> {
            if (calls.incrementAndGet() < 3) {
                throw CODE_FIVE;
            }
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(calls).hasValue(3);
    }

    @Test
    void runs_a_call_once_when_the_dialect_does_not_call_its_error_a_lock_wait_whatever_its_vendor_code() {
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> LockWaits.retryWhileBusy(dialect(false), () -> {
                    calls.incrementAndGet();
                    throw CODE_FIVE;
                }))
                .isSameAs(CODE_FIVE);
        assertThat(calls).hasValue(1);
    }

    private static SqlDialect dialect(boolean busy) {
        return new SqlDialect() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String migrations() {
                return "classpath:none";
            }

            @Override
            public boolean isUniqueViolation(SQLException e) {
                return false;
            }

            @Override
            public boolean isBusy(SQLException e) {
                return busy;
            }
        };
    }
}
