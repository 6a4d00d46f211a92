package dev.annals.store.sqlite;

import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.store.jdbc.erasure.JdbcSubjectKeyStore;
import dev.annals.store.sqlite.internal.SqliteDialect;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The subjects' data keys of the SQLite store, in its own file (table {@code subject_keys}); docs/adr/0010. */
public final class SqliteSubjectKeys {

    private SqliteSubjectKeys() {}

    /**
     * The key store of the store in {@code dataDirectory}, usable while another process holds the store
     * open (the CLI's {@code forget}, say).
     *
     * @throws dev.annals.store.EventStoreException when the directory holds no store
     */
    public static SubjectKeyStore open(Path dataDirectory) {
        return open(dataDirectory, Optional.empty());
    }

    /** As {@link #open(Path)}, wrapping the keys it makes with {@code masterKey} (docs/erasure.md). */
    public static SubjectKeyStore open(Path dataDirectory, Optional<MasterKey> masterKey) {
        return new JdbcSubjectKeyStore(
                SqliteProjections.connections(requireNonNull(dataDirectory, "dataDirectory")),
                new SqliteDialect(),
                masterKey);
    }
}
