package dev.annals.example.bank.projection;

import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The bank's read models on a SQLite store in a temporary directory. */
class SqliteBankReadModelsTest extends BankReadModelsContract {

    @TempDir
    Path data;

    @Override
    protected Backend open() {
        return new Backend(SqliteEventStore.open(data), SqliteProjections.readModels(data));
    }
}
