package dev.annals.store.jdbc.projection.internal;

import dev.annals.store.jdbc.SqlDialect;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for the database's write lock in Java rather than in the driver, when the dialect says an error is
 * such a wait ({@link SqlDialect#isBusy}).
 *
 * <p>Projection work runs on virtual threads. A driver that waits for a lock inside native code (SQLite's
 * busy handler) pins the virtual thread's carrier while it waits; with as many carriers as cores, a few
 * such waits can pin them all, and the virtual thread that holds the lock then never gets a carrier to
 * commit with. So projection connections are opened without a busy timeout, and a statement refused
 * because the database is busy is retried here, parking in Java (which unmounts the virtual thread), in
 * steps of 50 µs doubling to 2 ms, for up to 10 s. A database whose server waits for locks itself
 * (PostgreSQL) reports no such error, and its calls run once.
 */
public final class LockWaits {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private LockWaits() {}

    /** Runs {@code call}, retrying it while {@code dialect} says the database reports itself busy. */
    public static <T> T retryWhileBusy(SqlDialect dialect, SqlCall<T> call) throws SQLException {
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (SQLException e) {
                if (!dialect.isBusy(e) || System.nanoTime() - started > GIVE_UP_NANOS) {
                    throw e;
                }
                LockSupport.parkNanos(Math.min(MAX_STEP_NANOS, 50_000L << Math.min(attempt, 6)));
            }
        }
    }

    /** One database call. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T run() throws SQLException;
    }
}
