package dev.annals.store.postgres.internal;

import dev.annals.store.jdbc.ConnectionLender;
import dev.annals.store.jdbc.append.BatchFailure;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Lends connections of a {@code DataSource} (a HikariCP pool, usually), one piece of work at a time. */
public final class DataSourceLender implements ConnectionLender {

    /** Only classifies errors, which needs no schema. */
    private static final PostgresDialect DIALECT = new PostgresDialect("annals");

    private final DataSource dataSource;
    private final String description;

    public DataSourceLender(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw BatchFailure.readFailure(DIALECT, "reading the PostgreSQL store", e);
        }
    }
}
