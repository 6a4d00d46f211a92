package dev.annals.server;

import dev.annals.store.EventStore;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteServerApiTest extends ServerApiContract {

    @TempDir
    Path dataDirectory;

    @Override
    EventStore openStore() {
        return SqliteEventStore.open(dataDirectory);
    }
}
