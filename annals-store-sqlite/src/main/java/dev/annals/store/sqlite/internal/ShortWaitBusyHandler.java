package dev.annals.store.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * Waits for SQLite's write lock in short steps (50 µs doubling to 1 ms) for up to 10 s. SQLite's own busy
 * timeout sleeps in steps of up to 100 ms, which turns every brush between the event writer and a
 * read model's transaction into a latency spike of that size.
 */
public final class ShortWaitBusyHandler extends BusyHandler {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private long waitingSince;

    /** Installs the handler on {@code connection} (replacing its busy timeout). */
    public static void install(Connection connection) throws SQLException {
        BusyHandler.setHandler(connection, new ShortWaitBusyHandler());
    }

    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            waitingSince = now;
        } else if (now - waitingSince > GIVE_UP_NANOS) {
            return 0;
        }
        LockSupport.parkNanos(Math.min(MAX_STEP_NANOS, 50_000L << Math.min(previousCalls, 5)));
        return 1;
    }
}
