package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The prepared statements of one read-model connection, by SQL text; used by one thread at a time. */
final class StatementCache implements AutoCloseable {

    private static final int MAX = 256;

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        var statement = statements.get(sql);
        if (statement == null) {
            if (statements.size() >= MAX) {
                close();
            }
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Closes and forgets every statement, as after the tables they name changed. */
    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // A statement that will not close holds nothing the next transaction needs.
            }
        }
        statements.clear();
    }
}
