package dev.annals.store.postgres.internal;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The server's limit on connections, asked before a store opens a pool of its own. A pool larger than the
 * server accepts in all can never be full: it would take every connection the server has left from every other
 * client and process on it, and then go on asking for more. Such a size is a mistake in the address, told at
 * once instead of as other clients' failures.
 */
public final class ConnectionLimit {

    private ConnectionLimit() {}

    /**
     * Refuses {@code poolSize} when the server at {@code jdbcUrl} accepts fewer connections in all.
     *
     * @param address the address to name in the refusal, without secrets
     * @throws IllegalArgumentException when the pool would be larger than the server's {@code max_connections}
     * @throws SQLException             when the server cannot be reached or asked
     */
    public static void requireRoomFor(int poolSize, String jdbcUrl, String address) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT current_setting('max_connections')::int")) {
            row.next();
            int accepted = row.getInt(1);
            if (poolSize > accepted) {
                throw new IllegalArgumentException("poolSize " + poolSize + " in PostgreSQL address '" + address
                        + "' is more than the " + accepted
                        + " connections the server accepts in all (its max_connections); ask for fewer");
            }
        }
    }
}
