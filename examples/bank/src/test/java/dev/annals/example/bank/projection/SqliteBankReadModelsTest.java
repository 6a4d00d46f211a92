package dev.annals.example.bank.projection;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The bank's read models on a SQLite store in a temporary directory. */
class SqliteBankReadModelsTest extends BankReadModelsContract {

    @TempDir
    Path data;

    @Override
    protected String location() {
        return data.toString();
    }
}
