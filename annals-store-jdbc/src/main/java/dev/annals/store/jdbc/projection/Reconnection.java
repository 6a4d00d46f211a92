package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replaces a long-lived projection connection that the database dropped, after a failure was seen on it. */
final class Reconnection {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnection.class);

    private Reconnection() {}

    /** {@code connection} when it still works, else a new one from {@code connections}, or the old one if none can be had. */
    static Connection ifBroken(Connection connection, ConnectionFactory connections) {
        try {
            if (connection.isValid(2)) {
                return connection;
            }
        } catch (SQLException e) {
            // Treated as broken.
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Already gone.
        }
        try {
            var fresh = connections.open();
            LOG.info("reopened a projection connection after the old one was dropped");
            return fresh;
        } catch (SQLException e) {
            LOG.warn("could not reopen a projection connection yet: {}", e.getMessage());
            return connection;
        }
    }
}
