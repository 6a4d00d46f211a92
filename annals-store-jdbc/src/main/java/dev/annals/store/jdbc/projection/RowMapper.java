package dev.annals.store.jdbc.projection;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a query's result into a value: {@code row -> new Balance(row.getString("account"),
 * row.getLong("balance"))}. It reads the row only; {@link JdbcReadModels#query} moves the cursor.
 *
 * @param <T> the value of one row
 */
@FunctionalInterface
public interface RowMapper<T> {

    /** The value of the row {@code row} stands on. */
    T map(ResultSet row) throws SQLException;
}
