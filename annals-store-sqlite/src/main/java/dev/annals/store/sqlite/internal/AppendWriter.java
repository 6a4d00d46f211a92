package dev.annals.store.sqlite.internal;

import dev.annals.store.AppendResult;
import dev.annals.store.internal.HeadListeners;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.append.GroupCommit;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.sqlite.SqliteOptions;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single writer and its group commit.
 *
 * <p>Callers queue their appends; the writer ({@link GroupCommit}) takes every append waiting (up to a
 * maximum), writes them in one transaction with one savepoint each, commits once (one fsync), and only then
 * completes each caller with its own outcome. A lone append, with nothing queued or being written, is
 * written at once in its caller's thread. Batches never overlap, and positions are assigned in the order
 * they are written, so they are gap-free and follow commit order. When the database fails, every append
 * of the batch fails with an {@link dev.annals.store.EventStoreException} and none is acknowledged.
 */
public final class AppendWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AppendWriter.class);

    private final Path file;
    private final Connection connection;
    private final WriterState state;
    private final BatchAppender appender;
    private final Checkpointer checkpointer;
    private final HeadListeners headListeners = new HeadListeners();
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final DistributionSummary batchAppends;
    private final DistributionSummary batchEvents;
    private final GroupCommit groupCommit;
    private final int streamIndexBatch;
    private final TailPositions tailPositions;
    private final List<PreparedStatement> indexTail;
    private long lastRecordedAt;
    private boolean stateStale;

    /** Starts the writer thread on {@code connection}, whose schema is current and whose state is loaded. */
    AppendWriter(Path file, SqliteDialect dialect, Connection connection, WriterState state,
                 Checkpointer checkpointer, TailPositions tailPositions, SqliteOptions options) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.state = state;
        this.checkpointer = checkpointer;
        this.appender = new BatchAppender(dialect, connection, state, tailPositions);
        this.tailPositions = tailPositions;
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.commit = connection.prepareStatement("COMMIT");
        this.rollback = connection.prepareStatement("ROLLBACK");
        this.streamIndexBatch = options.streamIndexBatch();
        this.indexTail = new ArrayList<>();
        for (String sql : StreamIndex.CATCH_UP) {
            indexTail.add(connection.prepareStatement(sql));
        }
        MeterRegistry meters = options.meterRegistry();
        this.batchAppends = DistributionSummary.builder("annals.append.batch.appends")
                .description("appends written by one group commit").tag("backend", "sqlite").register(meters);
        this.batchEvents = DistributionSummary.builder("annals.append.batch.events")
                .description("events written by one group commit").tag("backend", "sqlite").register(meters);
        this.groupCommit = new GroupCommit(file.toString(), options.maxBatchAppends(), this::writeBatch);
    }

    /** Queues an append; its outcome completes after the commit that holds it. */
    public void submit(PendingAppend append) {
        groupCommit.submit(append);
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
            closeQuietly();
        }
    }

    private void writeBatch(List<PendingAppend> batch) {
        var outcomes = new Object[batch.size()];
        int events = 0;
        boolean indexed;
        try {
            if (stateStale) {
                state.reload(connection);
                stateStale = false;
            }
            long recordedAt = nextRecordedAt();
            begin.execute();
            for (int i = 0; i < batch.size(); i++) {
                var append = batch.get(i);
                try {
                    outcomes[i] = appender.append(append, recordedAt);
                    events += append.events().size();
                } catch (RuntimeException refused) {
                    outcomes[i] = refused;
                }
            }
            appender.writeSeals();
            indexed = indexTailIfLong();
            commit.execute();
        } catch (SQLException | RuntimeException failure) {
            failBatch(batch, failure);
            return;
        }
        checkpointer.committed();
        if (indexed) {
            tailPositions.indexed(state.indexedThrough());
        }
        batchAppends.record(batch.size());
        batchEvents.record(events);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof AppendResult result) {
                batch.get(i).acknowledge(result);
            } else {
                batch.get(i).refuse((RuntimeException) outcomes[i]);
            }
        }
        if (events > 0) {
            headListeners.fire(state.nextPosition() - 1);
        }
    }

    /**
     * Adds the tail of the log to the stream index once it holds a batch of events, in the transaction being
     * written (docs/adr/0015): one sorted insert writes each stream's index page once for the whole batch.
     */
    private boolean indexTailIfLong() throws SQLException {
        long head = state.nextPosition() - 1;
        if (head - state.indexedThrough() < streamIndexBatch) {
            return false;
        }
        for (var statement : indexTail) {
            statement.execute();
        }
        LOG.debug("indexed positions {}..{} of {} by stream", state.indexedThrough() + 1, head, file);
        state.indexedThrough(head);
        return true;
    }

    private void failBatch(List<PendingAppend> batch, Exception failure) {
        appender.discardSeals();
        try {
            rollback.execute();
        } catch (SQLException e) {
            // The transaction may already be gone (SQLite rolls back on some I/O errors); nothing to undo.
        }
        stateStale = true;
        for (PendingAppend append : batch) {
            append.fail(file.toString(), failure);
        }
    }

    private long nextRecordedAt() {
        // Never earlier than the previous batch, so recorded-at times follow positions even if the clock steps back.
        long now = EventRows.microsOf(Instant.now());
        lastRecordedAt = Math.max(lastRecordedAt, now);
        return lastRecordedAt;
    }

    private void closeQuietly() {
        try {
            appender.close();
            begin.close();
            commit.close();
            rollback.close();
            for (var statement : indexTail) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection to {} failed: {}", file, e.getMessage());
        }
    }
}
