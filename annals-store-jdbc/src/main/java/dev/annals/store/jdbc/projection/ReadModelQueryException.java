package dev.annals.store.jdbc.projection;

import java.sql.SQLException;

/**
 * A query of a read model failed: the database refused it (a table not built yet, a mistyped column) or the
 * row mapper threw. Unchecked, so that a query reads as one line; the database's error is the cause.
 */
public final class ReadModelQueryException extends RuntimeException {

    ReadModelQueryException(SQLException cause) {
        super("a read-model query failed: " + cause.getMessage(), cause);
    }
}
