package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A check a {@link JdbcReadModelStore} runs at the start of each of its transactions, on the transaction's
 * connection, before the work: when it throws, the transaction is rolled back and nothing commits. The
 * PostgreSQL store's segment leases use it to fence off a worker that lost its lease.
 */
@FunctionalInterface
public interface TransactionGuard {

    /** No check. */
    TransactionGuard NONE = connection -> {};

    /** Checks that the transaction may go on; throws (an unchecked exception saying why) when not. */
    void check(Connection connection) throws SQLException;
}
