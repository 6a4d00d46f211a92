package dev.annals.store.postgres;

import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import java.util.Optional;

/** The key store contract again with every key wrapped by a master key (docs/erasure.md). */
class PostgresWrappedSubjectKeysTest extends PostgresSubjectKeysTest {

    @Override
    protected SubjectKeyStore newKeyStore() {
        super.newKeyStore();
        return PostgresSubjectKeys.of(store(), Optional.of(MasterKey.generate()));
    }
}
