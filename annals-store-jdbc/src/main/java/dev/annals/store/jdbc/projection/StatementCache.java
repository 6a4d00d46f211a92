package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The prepared statements of one read-model connection, by SQL text as handlers write it and by the tables of
 * the version it names (a handler's {@code {table}} resolves to a different table in each version); used by
 * one thread at a time. Looking a statement up this way costs a hash lookup per call instead of resolving its
 * text again, which a rebuild does for every event.
 */
final class StatementCache implements AutoCloseable {

    private static final int MAX = 256;

    private final Map<Map<String, String>, Map<String, PreparedStatement>> byTables = new IdentityHashMap<>();
    private int size;

    /** The statement of {@code sql} for {@code tables}, or null when it is not prepared yet. */
    PreparedStatement find(Map<String, String> tables, String sql) {
        var statements = byTables.get(tables);
        return statements == null ? null : statements.get(sql);
    }

    /**
     * The statement of {@code sql}, prepared with {@code resolve}'s text the first time. Preparing may close
     * every statement (the cache is full): run any queued batch first.
     */
    PreparedStatement prepare(
            Connection connection, Map<String, String> tables, String sql, UnaryOperator<String> resolve)
            throws SQLException {
        var statements = byTables.computeIfAbsent(tables, t -> new HashMap<>());
        var statement = statements.get(sql);
        if (statement == null) {
            if (size >= MAX) {
                close();
                statements = byTables.computeIfAbsent(tables, t -> new HashMap<>());
            }
            statement = connection.prepareStatement(resolve.apply(sql));
            statements.put(sql, statement);
            size++;
        }
        return statement;
    }

    /** Closes and forgets every statement, as after the tables they name changed. */
    @Override
    public void close() {
        for (var statements : byTables.values()) {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // A statement that will not close holds nothing the next transaction needs.
                }
            }
        }
        byTables.clear();
        size = 0;
    }
}
