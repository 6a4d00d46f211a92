package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalSizeTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 800;
    private static final int PAYLOAD_BYTES = 4_000;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path data;

    @Test
    void the_write_ahead_log_stays_bounded_under_sustained_concurrent_writes() throws Exception {
        writeAndCheckTheWal();
    }

    /** Files made before 7 December 2026 keep their 1 KiB pages (ADR 0050); the bounds are the same in bytes. */
    @Test
    void a_file_made_with_pages_of_1_KiB_keeps_them_and_its_wal_stays_bounded_too() throws Exception {
        try (var older = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = older.createStatement()) {
            statement.execute("PRAGMA page_size = 1024");
            statement.execute("PRAGMA journal_mode = WAL");
        }
        writeAndCheckTheWal();
        try (var file = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = file.createStatement();
                var row = statement.executeQuery("PRAGMA page_size")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(1024);
        }
    }

    private void writeAndCheckTheWal() throws Exception {
        var payload = ("\"" + "x".repeat(PAYLOAD_BYTES - 2) + "\"").getBytes();
        try (var store = SqliteEventStore.open(data);
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            var done = IntStream.range(0, WRITERS)
                    .mapToObj(writer -> writers.submit(() -> {
                        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                            store.append(
                                    "load-" + writer,
                                    ExpectedVersion.any(),
                                    EventData.of("Loaded", payload, Metadata.empty()));
                        }
                        return null;
                    }))
                    .toList();
            for (Future<Object> writer : done) {
                writer.get();
            }

            long written = (long) WRITERS * APPENDS_PER_WRITER * PAYLOAD_BYTES;
            long wal = Files.size(data.resolve("annals.db-wal"));
            assertThat(written).isGreaterThan(24 * MIB);
            // The writer's own checkpoints restart the log every 4 MiB; without them it would hold everything.
            assertThat(wal).isLessThan(12 * MIB);
            assertThat(store.headPosition()).isEqualTo((long) WRITERS * APPENDS_PER_WRITER);
            try (var events = store.read(ReadRequest.forward(new ReadSource.StreamOf("load-0")))) {
                assertThat(events.count()).isEqualTo(APPENDS_PER_WRITER);
            }
        }
    }
}
