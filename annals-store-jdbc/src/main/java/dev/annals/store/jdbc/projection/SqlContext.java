package dev.annals.store.jdbc.projection;

import dev.annals.event.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What a JDBC read model's handler gets beside the event: the open transaction (the checkpoint commits
 * with it), the recorded event, and the physical tables of the version being written.
 *
 * <p>Do not commit, roll back or close the connection: the runner does. Write with {@link #batch} where no
 * row count is needed (rows run later, together), or {@link #update} (runs at once).
 */
public final class SqlContext {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final Connection connection;
    private final RecordedEvent event;
    private final Map<String, String> tables;
    private final StatementCache statements;
    private final DeferredWrites writes;

    SqlContext(
            Connection connection,
            RecordedEvent event,
            Map<String, String> tables,
            StatementCache statements,
            DeferredWrites writes) {
        this.connection = connection;
        this.event = event;
        this.tables = tables;
        this.statements = statements;
        this.writes = writes;
    }

    /**
     * The connection, inside the projection's transaction, after running the rows queued with {@link #batch}
     * so that what is done on it sees them.
     *
     * @throws ProjectionStoreException when the queued rows fail
     */
    public Connection connection() {
        try {
            writes.flush();
        } catch (SQLException e) {
            throw new ProjectionStoreException("queued read-model writes failed: " + e.getMessage(), e);
        }
        return connection;
    }

    /** The event being handled: its position, id, stream, metadata and recorded-at time. */
    public RecordedEvent event() {
        return event;
    }

    /**
     * The physical name of read-model table {@code name} in the version being written.
     *
     * @throws IllegalArgumentException when the read model declares no such table
     */
    public String table(String name) {
        var physical = tables.get(requireNonNull(name, "name"));
        if (physical == null) {
            throw new IllegalArgumentException("no read-model table '" + name + "'; declared: " + tables.keySet());
        }
        return physical;
    }

    /**
     * Runs {@code sql}, with each {@code {table}} replaced by its physical name and each {@code ?} bound
     * to the next of {@code parameters} (an {@link Addend} as its amount), and returns the number of rows changed. The statement is prepared
     * once per read model and reused. Rows queued with {@link #batch} run first.
     */
    public int update(String sql, Object... parameters) throws SQLException {
        var statement = statement(sql);
        writes.flush();
        AdditiveRows.bind(statement, parameters);
        return statement.executeUpdate();
    }

    /**
     * Queues {@code sql} with its {@code parameters}, as {@link #update} would run it, for a JDBC batch: rows of
     * the same statement from consecutive calls (across events) run together, in one round trip to a database
     * server, when another statement runs or at the latest before the runner's checkpoint, in the same
     * transaction; writes keep the order they were made in. For handlers that need no row count: what makes
     * rebuilds fast, above all on PostgreSQL. A failure shows at that later point; the runner then applies
     * the batch's events again one by one to find the event it belongs to (ADR 0040).
     *
     * <p>A parameter passed as an {@link Addend} declares the statement additive in it: rows of this statement
     * queued with no other statement between them whose other parameters are equal are merged into one with the sum, so a row that
     * many events of a batch change is written once (read {@link Addend}'s conditions first).
     */
    public void batch(String sql, Object... parameters) throws SQLException {
        writes.add(statement(sql), parameters);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        var statement = statements.find(tables, requireNonNull(sql, "sql"));
        if (statement == null) {
            // Preparing may close the cached statements, a queued one among them.
            writes.flush();
            statement = statements.prepare(connection, tables, sql, this::resolve);
        }
        return statement;
    }

    /** {@code sql} with each {@code {table}} replaced by its physical name. */
    public String resolve(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(requireNonNull(sql, "sql"));
        var resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, table(matcher.group(1)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
