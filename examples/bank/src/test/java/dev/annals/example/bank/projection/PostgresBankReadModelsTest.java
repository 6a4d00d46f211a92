package dev.annals.example.bank.projection;

import dev.annals.store.postgres.TestDatabase;

/** The bank's read models on a PostgreSQL store in a schema of its own, dropped when the tests end. */
class PostgresBankReadModelsTest extends BankReadModelsContract {

    @Override
    protected String location() {
        return TestDatabase.newStoreAddress();
    }
}
