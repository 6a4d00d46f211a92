package dev.annals.store.jdbc.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ProjectionTransaction;
import dev.annals.projection.ReadModelStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Bookkeeping in the store's database for a projection whose effects are elsewhere: a process manager
 * that sends commands, a read model in another system. No transaction spans a unit of work, so a handler
 * may itself write to the event store (which on SQLite needs the write lock a transaction would hold).
 *
 * <p>Delivery is at-least-once: the checkpoint is saved after the handlers ran, so after a crash the
 * last events come again. <b>Handlers must be idempotent by event id</b> (or, like the bank's transfer
 * process, by the domain's own record of what was done). Handlers receive the {@link RecordedEvent}.
 */
public final class JdbcCheckpointStore implements ReadModelStore<RecordedEvent> {

    private final Connection connection;
    private final SqlDialect dialect;
    private final JdbcProjectionStates states;
    private final Map<Integer, Map<String, String>> noTables = new ConcurrentHashMap<>();

    /** Bookkeeping on connections from {@code database}. */
    public JdbcCheckpointStore(JdbcReadModels database) {
        requireNonNull(database, "database");
        this.dialect = database.dialect();
        try {
            // A database may report itself busy while opening (SQLite's WAL set-up): wait in Java.
            this.connection = LockWaits.retryWhileBusy(dialect, database.connections()::open);
        } catch (SQLException e) {
            throw new EventStoreException("could not connect for projection checkpoints: " + e.getMessage(), e);
        }
        this.states = database.states();
    }

    @Override
    public synchronized <T> T transact(Work<RecordedEvent, T> work) throws Exception {
        var inner = new JdbcTransaction(
                connection,
                dialect,
                List.of(),
                noTables,
                Clock.systemUTC(),
                new StatementCache(),
                new DeferredWrites());
        return work.run(new AutoCommitted(inner));
    }

    @Override
    public ProjectionStates states() {
        return states;
    }

    @Override
    public synchronized void close() {
        states.close();
        try {
            connection.close();
        } catch (SQLException e) {
            // Every statement committed on its own; nothing is pending.
        }
    }

    /** Each call commits by itself; handlers get the recorded event. */
    private record AutoCommitted(JdbcTransaction inner) implements ProjectionTransaction<RecordedEvent> {

        @Override
        public RecordedEvent context(RecordedEvent event, int version) {
            return event;
        }

        @Override
        public long checkpoint(String key) {
            return inner.checkpoint(key);
        }

        @Override
        public void saveCheckpoint(String key, long position) {
            inner.saveCheckpoint(key, position);
        }

        @Override
        public void deleteCheckpoint(String key) {
            inner.deleteCheckpoint(key);
        }

        @Override
        public long park(DeadLetter letter) {
            return inner.park(letter);
        }

        @Override
        public void updateDeadLetter(DeadLetter letter) {
            inner.updateDeadLetter(letter);
        }

        @Override
        public List<DeadLetter> retryRequests(String projection) {
            return inner.retryRequests(projection);
        }

        @Override
        public boolean claimRetry(DeadLetter letter) {
            return inner.claimRetry(letter);
        }

        @Override
        public void prepareVersion(String projection, int version) {
            // No tables: the effects live elsewhere.
        }

        @Override
        public void ensureVersion(String projection, int version) {
            // As above.
        }

        @Override
        public void promote(String projection, int version, int oldVersion) {
            inner.promote(projection, version, oldVersion);
        }
    }
}
