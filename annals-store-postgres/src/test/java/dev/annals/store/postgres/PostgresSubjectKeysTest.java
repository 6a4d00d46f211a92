package dev.annals.store.postgres;

import dev.annals.erasure.SubjectKeyStore;
import dev.annals.testkit.erasure.SubjectKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresSubjectKeysTest extends SubjectKeyStoreContract {

    private PostgresEventStore store;

    @Override
    protected SubjectKeyStore newKeyStore() {
        store = PostgresEventStore.open(TestDatabase.URL, TestDatabase.newOptions().withListen(false));
        return PostgresSubjectKeys.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }
}
