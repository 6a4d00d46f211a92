package dev.annals.store.jdbc.projection;

import dev.annals.projection.ProjectionStates;
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
import java.util.concurrent.locks.Lock;

import static java.util.Objects.requireNonNull;

/**
 * A read model in SQL tables of the store's database: each unit of work is one transaction holding the
 * handlers' changes, the checkpoint and any dead letter, so a redelivered event never applies twice
 * (exactly-once in effect) and a crash loses nothing that was committed.
 *
 * <p>Holds one connection for the runner's writes, and a {@link JdbcProjectionStates} on another for
 * bookkeeping. Units of work are serialised. Handlers receive a {@link SqlContext}.
 */
public final class JdbcReadModelStore implements ReadModelStore<SqlContext> {

    private final ConnectionFactory connections;
    private Connection connection;
    private final List<ReadModelTable> tables;
    private final JdbcProjectionStates states;
    private final Clock clock;
    private final Map<Integer, Map<String, String>> physical = new ConcurrentHashMap<>();
    private final SqlDialect dialect;
    private final TransactionGuard guard;
    private final StatementCache statements = new StatementCache();
    private final DeferredWrites writes = new DeferredWrites();

    /**
     * A read model made of {@code tables}, on connections from {@code connections}, whose transactions
     * start with {@code dialect}'s {@link SqlDialect#beginWrite()} (on SQLite it takes the write lock at
     * once, so a transaction that reads before it writes cannot fail on a stale snapshot).
     */
    public JdbcReadModelStore(ConnectionFactory connections, List<ReadModelTable> tables, SqlDialect dialect) {
        this(connections, tables, dialect, TransactionGuard.NONE);
    }

    /**
     * As {@link #JdbcReadModelStore(ConnectionFactory, List, SqlDialect)}, with {@code guard} run first in every
     * transaction: when it throws, nothing of that transaction commits.
     */
    public JdbcReadModelStore(
            ConnectionFactory connections, List<ReadModelTable> tables, SqlDialect dialect, TransactionGuard guard) {
        this.guard = requireNonNull(guard, "guard");
        this.connections = requireNonNull(connections, "connections");
        this.tables = List.copyOf(tables);
        this.dialect = requireNonNull(dialect, "dialect");
        this.clock = Clock.systemUTC();
        try {
            this.connection = LockWaits.retryWhileBusy(dialect, connections::open);
        } catch (SQLException e) {
            throw new EventStoreException("could not connect for a read model: " + e.getMessage(), e);
        }
        this.states = new JdbcProjectionStates(connections, dialect);
    }

    @Override
    public synchronized <T> T transact(Work<SqlContext, T> work) throws Exception {
        // Looked up each time: the store whose writer it queues behind may open or close meanwhile.
        var turn = connections.writeTurn();
        turn.ifPresent(Lock::lock);
        try {
            return transactInTurn(work);
        } finally {
            turn.ifPresent(Lock::unlock);
        }
    }

    private <T> T transactInTurn(Work<SqlContext, T> work) throws Exception {
        try (var statement = connection.createStatement()) {
            LockWaits.retryWhileBusy(dialect, () -> statement.execute(dialect.beginWrite()));
            try {
                guard.check(connection);
                T result =
                        work.run(new JdbcTransaction(connection, dialect, tables, physical, clock, statements, writes));
                writes.flush();
                statement.execute("COMMIT");
                return result;
            } catch (Exception | Error e) {
                // An Error from a handler (a StackOverflowError, say) rolls back too: a transaction left
                // open would keep its locks (SQLite's write lock: the store's own appends) and the next
                // unit of work would commit the failed one's writes with its own.
                writes.discard();
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            reconnectIfBroken();
            throw e;
        } catch (Exception e) {
            // A handler's failure may hide a dropped connection (its statements failed first).
            reconnectIfBroken();
            throw e;
        }
    }

    /** Replaces a connection the database dropped (a restart), so that the runner's next try can work. */
    private void reconnectIfBroken() {
        var before = connection;
        connection = Reconnection.ifBroken(connection, connections);
        if (connection != before) {
            writes.discard();
            statements.close();
        }
    }

    @Override
    public ProjectionStates states() {
        return states;
    }

    @Override
    public synchronized void close() {
        states.close();
        statements.close();
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing uncommitted matters: the checkpoint says what was done.
        }
    }
}
