package dev.annals.store.postgres;

import dev.annals.erasure.SubjectKeyStore;
import dev.annals.store.jdbc.erasure.JdbcSubjectKeyStore;

import static java.util.Objects.requireNonNull;

/** The subjects' data keys of a PostgreSQL store, in its schema (table {@code subject_keys}); docs/adr/0010. */
public final class PostgresSubjectKeys {

    private PostgresSubjectKeys() {
    }

    /** The key store in {@code store}'s schema, on the store's connections. */
    public static SubjectKeyStore of(PostgresEventStore store) {
        requireNonNull(store, "store");
        return new JdbcSubjectKeyStore(PostgresProjections.connections(store), store.schema() + ".subject_keys", false);
    }
}
