package dev.annals.example.bank.projection;

import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresProjections;
import dev.annals.store.postgres.TestDatabase;

/** The bank's read models on a PostgreSQL store in a schema of its own, dropped when the tests end. */
class PostgresBankReadModelsTest extends BankReadModelsContract {

    @Override
    protected Backend open() {
        var store = PostgresEventStore.open(TestDatabase.URL, TestDatabase.newOptions());
        return new Backend(store, PostgresProjections.readModels(store));
    }
}
