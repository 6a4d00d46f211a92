package dev.annals.store.jdbc.erasure;

import dev.annals.erasure.ForgetOutcome;
import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectForgottenException;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.erasure.internal.DataKeys;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The subjects' data keys in the event store's own database, table {@code subject_keys(subject, data_key,
 * created_at, forgotten_at)}, named as the dialect names it ({@link SqlDialect#table}); see docs/adr/0010.
 *
 * <p>A key is made with an insert that does nothing when the subject has a row already, then read back,
 * so that racing processes agree on one key. Forgetting sets the key to NULL and stamps the row: the row
 * stays as the record that the subject is forgotten. Nothing is cached: a subject forgotten by the CLI
 * is unreadable to every process at once. Each call opens its own connection. Thread-safe.
 *
 * <p>With a {@link MasterKey} each data key is written wrapped by it (envelope encryption), so the database
 * alone yields no key; keys written without one (32 raw bytes) stay readable with or without it. A wrapped
 * key read without the master key, or with another one, is an error that says so.
 *
 * <p>Deleting a value does not wipe it from the disk at once: PostgreSQL keeps the old row version until
 * VACUUM; SQLite overwrites it only with {@code PRAGMA secure_delete}: this store runs the dialect's
 * {@link SqlDialect#secureDelete()} on each of its connections. Backups taken before the forgetting still hold the key (docs/erasure.md).
 */
public final class JdbcSubjectKeyStore implements SubjectKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSubjectKeyStore.class);
    private final ConnectionFactory connections;
    private final String table;
    private final SqlDialect dialect;
    private final Optional<MasterKey> masterKey;

    /**
     * @param connections opens connections to the store's database, whose schema is current
     * @param dialect     the backend's dialect: it names the table, says which errors are lock waits and
     *                    how deleted keys are overwritten
     */
    public JdbcSubjectKeyStore(ConnectionFactory connections, SqlDialect dialect) {
        this(connections, dialect, Optional.empty());
    }

    /** As {@link #JdbcSubjectKeyStore(ConnectionFactory, SqlDialect)}, wrapping new keys with {@code masterKey}. */
    public JdbcSubjectKeyStore(ConnectionFactory connections, SqlDialect dialect, Optional<MasterKey> masterKey) {
        this.masterKey = requireNonNull(masterKey, "masterKey");
        this.connections = requireNonNull(connections, "connections");
        this.dialect = requireNonNull(dialect, "dialect");
        this.table = dialect.table("subject_keys");
    }

    @Override
    public SecretKey keyFor(String subject) {
        requireNonNull(subject, "subject");
        return run("get or make the key of subject '" + subject + "'", connection -> {
            var existing = select(connection, subject);
            if (existing.isEmpty()) {
                try (var insert = connection.prepareStatement("INSERT INTO " + table
                        + " (subject, data_key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject) DO NOTHING")) {
                    insert.setString(1, subject);
                    var key = DataKeys.generate();
                    insert.setBytes(
                            2,
                            masterKey.map(master -> master.wrap(subject, key)).orElse(key.getEncoded()));
                    insert.setLong(3, System.currentTimeMillis());
                    LockWaits.retryWhileBusy(dialect, insert::executeUpdate);
                }
                existing = select(connection, subject);
            }
            return dataKey(subject, existing.orElseThrow().orElseThrow(() -> new SubjectForgottenException(subject)));
        });
    }

    @Override
    public Optional<SecretKey> find(String subject) {
        requireNonNull(subject, "subject");
        return run(
                "find the key of subject '" + subject + "'",
                connection -> select(connection, subject).flatMap(key -> key).map(stored -> dataKey(subject, stored)));
    }

    @Override
    public ForgetOutcome forget(String subject) {
        requireNonNull(subject, "subject");
        return run("forget subject '" + subject + "'", connection -> {
            var before = select(connection, subject);
            long now = System.currentTimeMillis();
            if (before.isEmpty()) {
                try (var insert = connection.prepareStatement(
                        "INSERT INTO " + table
                                + " (subject, data_key, created_at, forgotten_at) VALUES (?, NULL, ?, ?)"
                                + " ON CONFLICT (subject) DO UPDATE SET data_key = NULL, forgotten_at = excluded.forgotten_at")) {
                    insert.setString(1, subject);
                    insert.setLong(2, now);
                    insert.setLong(3, now);
                    LockWaits.retryWhileBusy(dialect, insert::executeUpdate);
                }
                return ForgetOutcome.NO_KEY;
            }
            if (before.get().isEmpty()) {
                return ForgetOutcome.ALREADY_FORGOTTEN;
            }
            try (var update = connection.prepareStatement(
                    "UPDATE " + table + " SET data_key = NULL, forgotten_at = ? WHERE subject = ?")) {
                update.setLong(1, now);
                update.setString(2, subject);
                LockWaits.retryWhileBusy(dialect, update::executeUpdate);
            }
            LOG.info("subject '{}' forgotten: its data key is deleted", subject);
            return ForgetOutcome.KEY_DELETED;
        });
    }

    /**
     * The stored key, as stored (raw or wrapped): empty when the subject has no row; a row with an empty key
     * when it is forgotten. Forgetting needs no master key, so decoding is left to the caller.
     */
    private Optional<Optional<byte[]>> select(Connection connection, String subject) throws SQLException {
        return LockWaits.retryWhileBusy(dialect, () -> {
            try (var select = connection.prepareStatement("SELECT data_key FROM " + table + " WHERE subject = ?")) {
                select.setString(1, subject);
                try (var row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Optional<byte[]>>empty();
                    }
                    return Optional.of(Optional.ofNullable(row.getBytes(1)));
                }
            }
        });
    }

    private SecretKey dataKey(String subject, byte[] stored) {
        if (!MasterKey.isWrapped(stored)) {
            return DataKeys.of(stored);
        }
        return masterKey
                .orElseThrow(() -> new EventStoreException("the data key of subject '" + subject
                        + "' in " + table + " is wrapped with a master key, and none was given (set "
                        + MasterKey.ENVIRONMENT_VARIABLE + " or pass one to the key store)"))
                .unwrap(subject, stored);
    }

    private <T> T run(String what, Work<T> work) {
        // A database may report itself busy even when opening (SQLite's WAL set-up) or setting a pragma: wait in Java.
        try (var connection = LockWaits.retryWhileBusy(dialect, connections::open)) {
            for (String sql : dialect.secureDelete()) {
                try (var statement = connection.createStatement()) {
                    LockWaits.retryWhileBusy(dialect, () -> statement.execute(sql));
                }
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException("could not " + what + " in " + table + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
