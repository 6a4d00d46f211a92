package dev.annals.store.sqlite.audit;

import dev.annals.audit.AuditTrail;
import dev.annals.store.EventStore;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.testkit.audit.AuditTrailContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite audit trail passes the audit trail contract, in a new store file per test. SQLite seals each
 * event in the transaction that appends it; what only SQLite does is in {@link SqliteAuditSealingTest}.
 */
class SqliteAuditTrailTest extends AuditTrailContract {

    @TempDir
    Path data;

    @Override
    protected EventStore openStore() {
        return SqliteEventStore.open(data);
    }

    @Override
    protected AuditTrail auditTrail() {
        return SqliteAuditTrail.open(data);
    }

    @Override
    protected boolean sealsOnAppend() {
        return true;
    }

    @Override
    protected Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
    }
}
