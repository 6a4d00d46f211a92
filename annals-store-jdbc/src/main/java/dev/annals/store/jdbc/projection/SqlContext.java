package dev.annals.store.jdbc.projection;

import dev.annals.event.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What a JDBC read model's handler gets beside the event: the open transaction (the checkpoint commits
 * with it), the recorded event, and the physical tables of the version being written.
 *
 * <p>Do not commit, roll back or close the connection: the runner does.
 */
public final class SqlContext {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final Connection connection;
    private final RecordedEvent event;
    private final Map<String, String> tables;
    private final StatementCache statements;

    SqlContext(Connection connection, RecordedEvent event, Map<String, String> tables, StatementCache statements) {
        this.connection = connection;
        this.event = event;
        this.tables = tables;
        this.statements = statements;
    }

    /** The connection, inside the projection's transaction. */
    public Connection connection() {
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
     * to the next of {@code parameters}, and returns the number of rows changed. The statement is prepared
     * once per read model and reused, which is what makes rebuilds fast.
     */
    public int update(String sql, Object... parameters) throws SQLException {
        var statement = statements.prepare(connection, resolve(sql));
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement.executeUpdate();
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
