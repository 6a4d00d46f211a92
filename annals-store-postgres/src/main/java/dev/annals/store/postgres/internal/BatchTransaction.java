package dev.annals.store.postgres.internal;

import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.append.BatchFailure;
import dev.annals.store.jdbc.append.BatchWriter;
import dev.annals.store.jdbc.append.GroupOutcomes;
import dev.annals.store.jdbc.append.PendingAppend;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one group commit's batch of appends in one transaction on a borrowed connection: one advisory
 * lock, one commit (one fsync), and each append with its own outcome.
 *
 * <p>A batch of at most {@link #CALL_MAX_EVENTS} events, or a lone append of at most
 * {@link #LONE_CALL_MAX_EVENTS}, is first written in one call of the schema's append function
 * ({@link GroupCall}, or {@link EventCall} for a batch of one event) in auto-commit: lock, checks, inserts,
 * notification and commit in one round trip (docs/adr/0041). A failure the server did not answer as a
 * statement's error (the connection lost, a shutdown) leaves the outcome unknown, since the call commits
 * before it answers.
 *
 * <p>A larger batch, or one in which the call finds an append that may be an exact retry or an append that
 * reuses a stored id (then the call wrote nothing), takes the long way, in a transaction of its own:
 * written whole by {@link GroupWriter} with a handful of round trips, exact retries resolved where they
 * stand. Only a unique
 * violation on an event id (a retry with {@code ExpectedVersion.any()}, or ids reused) fails mid-write:
 * then the whole transaction rolls back and the batch is written again one append at a time with a
 * savepoint each, so that the one append rolls back alone and is resolved as an exact retry or refused.
 * Any other failure is thrown as a {@link BatchFailure} (classified by the dialect, and marked as of
 * unknown outcome when it came from a commit), which {@link dev.annals.store.jdbc.append.GroupCommit}
 * resolves append by append (docs/adr/0017).
 */
public final class BatchTransaction implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTransaction.class);

    /**
     * The most events a group written by one call may hold. Larger groups (appends of many events) go the
     * long way: there the call's arrays and its set-based insert measured slower than the batched insert
     * (docs/benchmarks.md, "A lone writer on PostgreSQL"), and their round trips are shared by many events.
     */
    static final int CALL_MAX_EVENTS = 64;

    /**
     * The most events a lone append written by one call may hold. A lone append shares the long way's round
     * trips with no other append, and up to a few hundred events the call saved more than its arrays cost:
     * 100 events 15-25% faster, 400 a third, 800 level (docs/adr/0041, amendment of 7 December). A group of
     * several appends is busier with events than with round trips, and the call made 8 writers of 100
     * events a tenth slower: it keeps {@link #CALL_MAX_EVENTS}.
     */
    static final int LONE_CALL_MAX_EVENTS = 512;

    private final DataSource dataSource;
    private final PostgresDialect dialect;
    private final PostgresAppender appender;
    private final GroupWriter group;
    private final GroupCall call;
    private final EventCall eventCall;
    private final String database;
    private final DistributionSummary batchAppends;
    private final DistributionSummary batchEvents;
    /** Set while COMMIT runs: a failure then leaves the batch's outcome unknown. Writer thread only. */
    private boolean committing;

    public BatchTransaction(DataSource dataSource, PostgresDialect dialect, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.appender = new PostgresAppender(dialect);
        this.group = new GroupWriter(dialect, appender);
        this.call = new GroupCall(dialect, appender);
        this.eventCall = new EventCall(dialect, appender);
        this.database = "PostgreSQL schema " + dialect.schema();
        this.batchAppends = DistributionSummary.builder("annals.append.batch.appends")
                .description("appends written by one group commit")
                .tag("backend", "postgresql")
                .register(meters);
        this.batchEvents = DistributionSummary.builder("annals.append.batch.events")
                .description("events written by one group commit")
                .tag("backend", "postgresql")
                .register(meters);
    }

    /**
     * Writes and commits {@code batch}, then completes each append with its outcome.
     *
     * @throws BatchFailure when the transaction failed, or its commit did (then its outcome is unknown)
     */
    @Override
    public void write(List<PendingAppend> batch) throws BatchFailure {
        Object[] outcomes;
        committing = false;
        try (var connection = dataSource.getConnection()) {
            outcomes = byCall(batch) ? writeInOneCall(connection, batch) : null;
            if (outcomes == null) {
                connection.setAutoCommit(false);
                try {
                    outcomes = writeCommitted(connection, batch);
                } finally {
                    restoreAutoCommit(connection);
                }
            }
        } catch (SQLException | RuntimeException failure) {
            throw BatchFailure.of(dialect, failure, committing);
        }
        int events = GroupOutcomes.complete(batch, outcomes);
        batchAppends.record(batch.size());
        batchEvents.record(events);
    }

    /** Whether {@code batch} is first tried in one call: a small group, or one append of not too many events. */
    private static boolean byCall(List<PendingAppend> batch) {
        int events = events(batch);
        return events <= CALL_MAX_EVENTS || (batch.size() == 1 && events <= LONE_CALL_MAX_EVENTS);
    }

    private static int events(List<PendingAppend> batch) {
        int events = 0;
        for (PendingAppend append : batch) {
            events += append.events().size();
        }
        return events;
    }

    /**
     * Writes and commits {@code batch} in one call of the schema's append function, in auto-commit; null
     * when the call wrote nothing because an append needs the long way (an id stored already).
     */
    private Object[] writeInOneCall(Connection connection, List<PendingAppend> batch) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        // The call commits before it answers: until the server says it refused, the outcome is unknown.
        committing = true;
        try {
            // A lone event needs no arrays: a call with scalar arguments costs the server about half.
            var outcomes = EventCall.fits(batch)
                    ? new Object[] {eventCall.write(connection, batch.getFirst())}
                    : call.write(connection, batch);
            committing = false;
            return outcomes;
        } catch (SQLException e) {
            if (!refusedByServer(e)) {
                throw e;
            }
            committing = false;
            if (isUniqueViolation(e) || GroupCall.MAY_BE_RETRY.equals(e.getSQLState())) {
                LOG.debug("a batch of {} appends holds a stored event id; writing it the long way", batch.size());
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether the server answered {@code e} as an error of the statement, which rolled its transaction back:
     * any SQLSTATE but a lost connection (08), a shutdown or a session ended by an operator (57P), a system
     * error (58) or an internal one (XX), after which the commit may have happened. A cancelled statement
     * (57014) was rolled back.
     */
    private static boolean refusedByServer(SQLException e) {
        String state = e.getSQLState();
        return state != null
                && !state.startsWith("08")
                && !state.startsWith("57P")
                && !state.startsWith("58")
                && !state.startsWith("XX");
    }

    private Object[] writeCommitted(Connection connection, List<PendingAppend> batch) throws SQLException {
        try {
            var outcomes = write(connection, batch, false);
            commit(connection, head(outcomes));
            return outcomes;
        } catch (SQLException fast) {
            if (committing) {
                throw fast;
            }
            rollback(connection);
            if (!isUniqueViolation(fast)) {
                throw fast;
            }
            LOG.debug(
                    "a batch of {} appends hit a stored event id; writing it again with a savepoint per append",
                    batch.size());
        } catch (RuntimeException e) {
            rollback(connection);
            throw e;
        }
        try {
            var outcomes = write(connection, batch, true);
            commit(connection, head(outcomes));
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            rollback(connection);
            throw e;
        }
    }

    private Object[] write(Connection connection, List<PendingAppend> batch, boolean savepoints) throws SQLException {
        Object[] outcomes;
        if (savepoints) {
            appender.lock(connection);
            outcomes = new Object[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                try {
                    outcomes[i] = writeIsolated(connection, batch.get(i));
                } catch (RuntimeException refused) {
                    outcomes[i] = refused;
                }
            }
        } else {
            // Takes the lock in the same round trip as its first reads.
            outcomes = group.write(connection, batch);
        }
        return outcomes;
    }

    /** The last position {@code outcomes} wrote, 0 when they wrote nothing. */
    private static long head(Object[] outcomes) {
        long head = 0;
        for (Object outcome : outcomes) {
            if (outcome instanceof AppendResult result) {
                head = Math.max(head, result.position());
            }
        }
        return head;
    }

    private AppendResult write(Connection connection, PendingAppend append) throws SQLException {
        return appender.write(connection, append.stream(), append.expected(), append.events());
    }

    private AppendResult writeIsolated(Connection connection, PendingAppend append) throws SQLException {
        var savepoint = connection.setSavepoint();
        try {
            var result = write(connection, append);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            appender.rolledBack();
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return StoredEvents.resolveRetry(dialect, connection, append.stream(), append.events())
                    .orElseThrow(() -> new EventStoreException(
                            "append to stream '" + append.stream() + "' hit a unique constraint"
                                    + " that no stored event id explains (the details are in the server's log)",
                            e));
        }
    }

    /** Commits, with the notification of the new {@code head} when the batch wrote events (0: none). */
    private void commit(Connection connection, long head) throws SQLException {
        committing = true;
        if (head > 0) {
            appender.notifyHeadAndCommit(connection, head);
        } else {
            connection.commit();
        }
        committing = false;
        appender.committed();
    }

    /** Looks the append's event ids up on a connection of its own, outside any transaction. */
    @Override
    public Optional<AppendResult> lookUp(PendingAppend append) throws BatchFailure {
        try (var connection = dataSource.getConnection()) {
            return StoredEvents.resolveRetry(dialect, connection, append.stream(), append.events());
        } catch (SQLException e) {
            throw BatchFailure.of(dialect, e, false);
        }
    }

    /** Borrows a connection and runs a query: enough to tell that the database answers again. */
    @Override
    public void probe() throws BatchFailure {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw BatchFailure.of(dialect, e, false);
        }
    }

    private void rollback(Connection connection) {
        appender.rolledBack();
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is broken; PostgreSQL rolls back what it cannot finish.
            LOG.debug("rollback in {} failed: {}", database, e.getMessage());
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A broken connection: the pool finds out and replaces it.
            LOG.debug("restoring auto-commit failed: {}", e.getMessage());
        }
    }

    private boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (dialect.isUniqueViolation(next)) {
                return true;
            }
        }
        return false;
    }
}
