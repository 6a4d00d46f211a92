package dev.annals.store.postgres;

import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.store.jdbc.erasure.JdbcSubjectKeyStore;
import dev.annals.store.postgres.internal.PostgresDialect;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The subjects' data keys of a PostgreSQL store, in its schema (table {@code subject_keys}); docs/adr/0010. */
public final class PostgresSubjectKeys {

    private PostgresSubjectKeys() {}

    /** The key store in {@code store}'s schema, on the store's connections. */
    public static SubjectKeyStore of(PostgresEventStore store) {
        return of(store, Optional.empty());
    }

    /** As {@link #of(PostgresEventStore)}, wrapping the keys it makes with {@code masterKey} (docs/erasure.md). */
    public static SubjectKeyStore of(PostgresEventStore store, Optional<MasterKey> masterKey) {
        requireNonNull(store, "store");
        return new JdbcSubjectKeyStore(
                PostgresProjections.connections(store), new PostgresDialect(store.schema()), masterKey);
    }
}
