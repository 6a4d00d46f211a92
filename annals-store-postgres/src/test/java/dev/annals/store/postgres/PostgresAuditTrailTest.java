package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.annals.audit.AuditTrail;
import dev.annals.store.EventStore;
import dev.annals.testkit.audit.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL audit trail passes the audit trail contract, in a new schema per test. PostgreSQL seals on
 * verify; its audit lock is tested in {@link PostgresAuditLockTest}.
 */
class PostgresAuditTrailTest extends AuditTrailContract {

    private final PostgresOptions options = TestDatabase.newOptions().withListen(false);
    /** A few connections for the store: the test database is shared, and a store's own pool would take 16. */
    private final HikariDataSource pool = smallPool();
    private AuditTrail trail;

    private static HikariDataSource smallPool() {
        var config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.URL);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    @AfterEach
    void close_the_pool() {
        pool.close();
    }

    @Override
    protected EventStore openStore() {
        return PostgresEventStore.open(pool, options);
    }

    @Override
    protected AuditTrail auditTrail() {
        if (trail == null) {
            trail = PostgresAuditTrail.open(TestDatabase.address(options.schema()));
        }
        return trail;
    }

    @Override
    protected boolean sealsOnAppend() {
        return false;
    }

    @Override
    protected Connection database() throws SQLException {
        var connection = TestDatabase.connect();
        connection.setSchema(options.schema());
        return connection;
    }
}
