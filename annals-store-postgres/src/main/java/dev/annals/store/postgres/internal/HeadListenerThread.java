package dev.annals.store.postgres.internal;

import dev.annals.store.HeadListeners;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs on the schema's channel and turns notifications (sent by appends in
 * any process) into head-listener calls. When the connection is lost it reconnects after a pause, and
 * after every (re)connect it reports the head once, since notifications sent meanwhile are lost.
 */
public final class HeadListenerThread {

    private static final Logger LOG = LoggerFactory.getLogger(HeadListenerThread.class);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final PostgresDialect dialect;
    private final HeadListeners listeners;
    private final LongSupplier head;
    private final Duration retry;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;

    public HeadListenerThread(
            DataSource dataSource,
            PostgresDialect dialect,
            HeadListeners listeners,
            LongSupplier head,
            Duration retry) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.listeners = listeners;
        this.head = head;
        this.retry = retry;
        this.thread = Thread.ofPlatform()
                .daemon(true)
                .name("annals-postgres-listen-" + dialect.schema())
                .unstarted(this::run);
    }

    /** Starts listening; returns once the first LISTEN is in place, or after a few seconds. */
    public void start() {
        thread.start();
        try {
            listening.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops and waits for the thread to release its connection. */
    public void stop() {
        stopped.countDown();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("listening on channel {} failed, retrying in {}: {}", dialect.channel(), retry, e.toString());
                try {
                    if (stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void listen() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("LISTEN " + dialect.channel());
            }
            listening.countDown();
            listeners.fire(head.getAsLong());
            var pg = connection.unwrap(PGConnection.class);
            while (stopped.getCount() > 0) {
                PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                long newest = -1;
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        newest = Math.max(newest, Long.parseLong(notification.getParameter()));
                    }
                }
                if (newest >= 0) {
                    listeners.fire(newest);
                }
            }
        }
    }
}
