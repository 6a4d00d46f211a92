package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file on its own thread, so the writer never pays for it.
 *
 * <p>Passive checkpoints never block the writer or readers; once one has copied every frame, the writer
 * starts the WAL again from its beginning, so the file stays small. On close a truncating checkpoint
 * leaves the WAL empty.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long PERIOD_MILLIS = 200;

    private final Path file;
    private final Connection connection;
    private final ScheduledExecutorService timer;
    private final AtomicLong commits = new AtomicLong();
    private long checkpointedCommits;

    public Checkpointer(Path file) throws SQLException {
        this.file = file;
        this.connection = SqliteConnections.checkpointer(file);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "annals-sqlite-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkpointIfNeeded, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Tells that the writer committed; called on the writer thread. */
    public void committed() {
        commits.incrementAndGet();
    }

    private void checkpointIfNeeded() {
        long seen = commits.get();
        if (seen == checkpointedCommits) {
            return;
        }
        checkpointedCommits = seen;
        run("PASSIVE");
    }

    private void run(String mode) {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException e) {
            // A failed checkpoint loses nothing: the frames stay in the WAL and the next one copies them.
            LOG.warn("checkpoint ({}) of {} failed: {}", mode, file, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("checkpoint thread of {} did not stop within 10 s", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run("TRUNCATE");
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection of {} failed: {}", file, e.getMessage());
        }
    }
}
