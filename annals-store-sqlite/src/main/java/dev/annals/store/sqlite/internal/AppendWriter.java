package dev.annals.store.sqlite.internal;

import dev.annals.store.AppendResult;
import dev.annals.store.HeadListeners;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.append.BatchFailure;
import dev.annals.store.jdbc.append.BatchWriter;
import dev.annals.store.jdbc.append.GroupCommit;
import dev.annals.store.jdbc.append.GroupOutcomes;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.sqlite.SqliteOptions;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer and its group commit.
 *
 * <p>Callers queue their appends; the writer ({@link GroupCommit}) takes every append waiting (up to a
 * maximum), writes them in one transaction with one savepoint each, commits once (one fsync), and only then
 * completes each caller with its own outcome. A lone append, with nothing queued or being written, is
 * written at once in its caller's thread. Batches never overlap, and positions are assigned in the order
 * they are written, so they are gap-free and follow commit order.
 *
 * <p>When a transaction fails, nothing of it is acknowledged: the writer drops its connection (whose
 * closing rolls back whatever SQLite left open), reloads its state from what was committed, and opens a new
 * connection for the next batch; {@link GroupCommit} then writes each append of the batch on its own. So
 * the writer recovers by itself once the disk has space again or the file system is writable again.
 */
public final class AppendWriter implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AppendWriter.class);
    /** Free space below which a probe still reports a full disk: a few commits' worth of WAL frames. */
    static final long MIN_FREE_BYTES = 1024 * 1024;

    private final Path file;
    private final SqliteDialect dialect;
    private final WriterState state;
    private final Checkpointer checkpointer;
    private final HeadListeners headListeners = new HeadListeners();
    private final DistributionSummary batchAppends;
    private final DistributionSummary batchEvents;
    private final GroupCommit groupCommit;
    private final int streamIndexBatch;
    private final TailPositions tailPositions;
    /** Taken around each transaction, so that read models in the same file get the lock in turn (WriteTurns). */
    private final Lock turn;
    /** The connection and its statements; null after a failure until the next write opens a new one. */
    private WriterSession session;

    private long lastRecordedAt;
    private boolean stateStale;

    /** Starts the writer thread on {@code connection}, whose schema is current and whose state is loaded. */
    AppendWriter(
            Path file,
            SqliteDialect dialect,
            Connection connection,
            WriterState state,
            Checkpointer checkpointer,
            TailPositions tailPositions,
            SqliteOptions options)
            throws SQLException {
        this.file = file;
        this.dialect = dialect;
        this.state = state;
        this.checkpointer = checkpointer;
        this.tailPositions = tailPositions;
        this.session = WriterSession.on(file, connection, dialect, state, tailPositions);
        this.streamIndexBatch = options.streamIndexBatch();
        MeterRegistry meters = options.meterRegistry();
        this.batchAppends = DistributionSummary.builder("annals.append.batch.appends")
                .description("appends written by one group commit")
                .tag("backend", "sqlite")
                .register(meters);
        this.batchEvents = DistributionSummary.builder("annals.append.batch.events")
                .description("events written by one group commit")
                .tag("backend", "sqlite")
                .register(meters);
        this.groupCommit = new GroupCommit(file.toString(), options.maxBatchAppends(), this);
        this.turn = WriteTurns.open(file);
    }

    /** Queues an append; its outcome completes after the commit that holds it. */
    public void submit(PendingAppend append) {
        groupCommit.submit(append);
    }

    /** Why the writer cannot write now, or empty; see {@link GroupCommit#writeFault()}. */
    public Optional<StoreUnavailableException> writeFault() {
        return groupCommit.writeFault();
    }

    /** Who is told the new head position after each commit that wrote events. */
    public HeadListeners headListeners() {
        return headListeners;
    }

    /** Writes everything queued before this call, then stops the thread and releases the connection. */
    public void stop() {
        try {
            groupCommit.stop();
        } finally {
            WriteTurns.close(file, turn);
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    @Override
    public void write(List<PendingAppend> batch) throws BatchFailure {
        var outcomes = new Object[batch.size()];
        int events = 0;
        boolean indexed;
        boolean committing = false;
        var current = session();
        turn.lock();
        try {
            if (stateStale) {
                state.reload(current.connection);
                stateStale = false;
            }
            long recordedAt = nextRecordedAt();
            long firstPosition = state.nextPosition();
            current.begin.execute();
            for (int i = 0; i < batch.size(); i++) {
                var append = batch.get(i);
                try {
                    outcomes[i] = current.appender.append(append, recordedAt);
                    events += append.events().size();
                } catch (RuntimeException refused) {
                    outcomes[i] = refused;
                }
            }
            current.appender.settleRefusals(batch, outcomes, firstPosition);
            current.appender.writeSeals();
            indexed = indexTailIfLong(current);
            committing = true;
            current.commit.execute();
        } catch (SQLException | RuntimeException failure) {
            throw failed(failure, committing);
        } finally {
            turn.unlock();
        }
        checkpointer.committed();
        if (indexed) {
            tailPositions.indexed(state.indexedThrough());
        }
        batchAppends.record(batch.size());
        batchEvents.record(events);
        GroupOutcomes.complete(batch, outcomes);
        if (events > 0) {
            headListeners.fire(state.nextPosition() - 1);
        }
    }

    /** SQLite commits and fsyncs inside its JNI library, where a virtual thread cannot unmount. */
    @Override
    public boolean blocksInNativeCode() {
        return true;
    }

    @Override
    public Optional<AppendResult> lookUp(PendingAppend append) throws BatchFailure {
        var current = session();
        try {
            if (stateStale) {
                state.reload(current.connection);
                stateStale = false;
            }
            return StoredEvents.resolveRetry(dialect, current.connection, append.stream(), append.events());
        } catch (SQLException e) {
            throw failed(e, false);
        }
    }

    /**
     * Opens a connection if the last write dropped its own, takes and releases the write lock, and checks
     * that the file system has at least {@value #MIN_FREE_BYTES} bytes free.
     */
    @Override
    public void probe() throws BatchFailure {
        var current = session();
        turn.lock();
        try {
            current.begin.execute();
            current.rollback.execute();
        } catch (SQLException e) {
            throw failed(e, false);
        } finally {
            turn.unlock();
        }
        try {
            long free = Files.getFileStore(file).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new BatchFailure(
                        Optional.of(StoreUnavailableException.Reason.DISK_FULL),
                        false,
                        new IOException(free + " bytes free on the file system of " + file));
            }
        } catch (IOException e) {
            throw new BatchFailure(Optional.of(StoreUnavailableException.Reason.IO_ERROR), false, e);
        }
    }

    private WriterSession session() throws BatchFailure {
        if (session == null) {
            try {
                session = WriterSession.open(file, dialect, state, tailPositions);
                stateStale = true;
                LOG.info("writer of {} opened a new connection", file);
            } catch (SQLException | RuntimeException e) {
                throw BatchFailure.of(dialect, e, false);
            }
        }
        return session;
    }

    /** Drops the session of a failed transaction: the next write starts on a new connection. */
    private BatchFailure failed(Exception failure, boolean committing) {
        session.abandon();
        session = null;
        stateStale = true;
        return BatchFailure.of(dialect, failure, committing);
    }

    /**
     * Adds the tail of the log to the stream index once it holds a batch of events, in the transaction being
     * written (docs/adr/0015): one sorted insert writes each stream's index page once for the whole batch.
     */
    private boolean indexTailIfLong(WriterSession current) throws SQLException {
        long head = state.nextPosition() - 1;
        if (head - state.indexedThrough() < streamIndexBatch) {
            return false;
        }
        for (var statement : current.indexTail) {
            statement.execute();
        }
        LOG.debug("indexed positions {}..{} of {} by stream", state.indexedThrough() + 1, head, file);
        state.indexedThrough(head);
        return true;
    }

    private long nextRecordedAt() {
        // Never earlier than the previous batch, so recorded-at times follow positions even if the clock steps back.
        long now = EventRows.microsOf(Instant.now());
        lastRecordedAt = Math.max(lastRecordedAt, now);
        return lastRecordedAt;
    }
}
