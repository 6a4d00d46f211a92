package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file on its own thread and keeps the WAL short, so that the writer
 * pays for neither (docs/adr/0046).
 *
 * <p>Every {@value #PERIOD_MILLIS} ms with new commits it runs a passive checkpoint, which never blocks the
 * writer or readers. Under sustained writes a passive checkpoint never finds the WAL idle: the writer
 * commits new frames while it copies, so the WAL is never fully copied and never started again from its
 * beginning. Once the WAL holds {@value #RESTART_BYTES} bytes of pages, the checkpointer therefore copies once more
 * what was committed during that copy, and then the rest while it holds the writer's turn
 * ({@link WriteTurns}): no group commit and no read model of this process can add frames meanwhile, so that
 * last checkpoint copies everything, and the writer's next transaction starts the WAL again from its
 * beginning, over space already allocated. The writer waits for the few frames committed during the
 * second copy and two fsyncs, not for a copy of the whole WAL; but the fsync of the database is the dear
 * one: SQLite fsyncs the database only after a checkpoint that copied every frame, so this one also
 * flushes every page the passive checkpoints copied since the last restart (a few ms under load;
 * docs/benchmarks.md, "Pages of 4 KiB").
 *
 * <p>The writer's own automatic checkpoint ({@link SqliteConnections#WRITER_WAL_AUTOCHECKPOINT_BYTES})
 * stays as the bound: should this thread fall behind, the writer copies the WAL itself as it did before.
 * On close a truncating checkpoint leaves the WAL empty.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long PERIOD_MILLIS = 50;
    /** WAL bytes after which the checkpointer restarts the WAL: 4 MiB, as the writer did. */
    static final long RESTART_BYTES = 4L * 1024 * 1024;

    private final Path file;
    private final Connection connection;
    private final ScheduledExecutorService timer;
    private final AtomicLong commits = new AtomicLong();
    /** {@link #RESTART_BYTES} in pages of this file, whose page size depends on when it was made. */
    private final long restartPages;

    private long checkpointedCommits;

    public Checkpointer(Path file) throws SQLException {
        this.file = file;
        this.connection = SqliteConnections.checkpointer(file);
        try {
            this.restartPages = SqliteConnections.pages(connection, RESTART_BYTES);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
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
        if (run("PASSIVE") >= restartPages) {
            // Copies, still beside the writer, the frames committed while the first copy ran (its fsync is
            // most of its time), so that what is left for the writer's turn is little.
            run("PASSIVE");
            copyRestInTurn();
        }
    }

    /**
     * Copies what the WAL still holds while no writer of this process can commit. A reader that still reads
     * from the WAL may leave frames behind; then the WAL goes on from its end and the next period tries again.
     */
    private void copyRestInTurn() {
        var turn = WriteTurns.of(file);
        turn.ifPresent(Lock::lock);
        try {
            run("PASSIVE");
        } finally {
            turn.ifPresent(Lock::unlock);
        }
    }

    /** Runs a checkpoint; returns the pages the WAL held (0 when the checkpoint failed). */
    private long run(String mode) {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return row.next() ? row.getLong(2) : 0;
        } catch (SQLException e) {
            // A failed checkpoint loses nothing: the frames stay in the WAL and the next one copies them.
            LOG.warn("checkpoint ({}) of {} failed: {}", mode, file, e.getMessage());
            return 0;
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
