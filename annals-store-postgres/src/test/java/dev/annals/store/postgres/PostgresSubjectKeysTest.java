package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.testkit.erasure.SubjectKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresSubjectKeysTest extends SubjectKeyStoreContract {

    private HikariDataSource pool;
    private PostgresEventStore store;

    @Override
    protected SubjectKeyStore newKeyStore() {
        pool = TestDatabase.smallPool();
        store = PostgresEventStore.open(pool, TestDatabase.newOptions().withListen(false));
        return PostgresSubjectKeys.of(store);
    }

    /** The store the key store was opened on. */
    protected PostgresEventStore store() {
        return store;
    }

    @AfterEach
    void close() {
        store.close();
        pool.close();
    }
}
