package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.annals.audit.AuditTrail;
import dev.annals.store.EventStore;
import dev.annals.testkit.audit.AuditTrailContract;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The PostgreSQL audit trail passes the audit trail contract, in a new schema per test. PostgreSQL seals on
 * verify; its audit lock is tested in {@link PostgresAuditLockTest}.
 */
class PostgresAuditTrailTest extends AuditTrailContract {

    private final PostgresOptions options = TestDatabase.newOptions().withListen(false);
    private final HikariDataSource pool = TestDatabase.smallPool();
    private AuditTrail trail;

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
