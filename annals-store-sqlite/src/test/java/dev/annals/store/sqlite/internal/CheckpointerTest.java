package dev.annals.store.sqlite.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckpointerTest {

    private static final byte[] ROW = new byte[64 * 1024];

    @TempDir
    Path data;

    @Test
    void restarts_the_wal_while_the_writer_never_stops_writing() throws Exception {
        Path file = data.resolve("annals.db");
        Path wal = data.resolve("annals.db-wal");
        try (var writer = SqliteConnections.writer(file);
                var checkpointer = new Checkpointer(file)) {
            try (var statement = writer.createStatement()) {
                // The writer's own checkpoints are off: only the checkpointer can let the WAL start again.
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                statement.execute("CREATE TABLE load (payload BLOB)");
            }
            Lock turn = WriteTurns.open(file);
            var stop = new AtomicBoolean();
            var failure = new AtomicReference<Exception>();
            // Commits back to back, each in its turn, as the store's writer does under sustained load: a
            // passive checkpoint alone never finds the WAL idle, so it never copies all of it.
            var writing = Thread.ofPlatform().start(() -> {
                try (var insert = writer.prepareStatement("INSERT INTO load VALUES (?)")) {
                    while (!stop.get()) {
                        turn.lock();
                        try {
                            insert.setBytes(1, ROW);
                            insert.execute();
                            checkpointer.committed();
                        } finally {
                            turn.unlock();
                        }
                    }
                } catch (SQLException e) {
                    failure.set(e);
                }
            });
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> failure.get() != null || restarts(wal) >= 3);
            } finally {
                stop.set(true);
                writing.join();
                WriteTurns.close(file, turn);
            }
            assertThat(failure.get()).isNull();
            assertThat(restarts(wal)).isGreaterThanOrEqualTo(3);
        }
    }

    /** The WAL header's checkpoint sequence number, which SQLite counts up each time the WAL starts again. */
    private static int restarts(Path wal) throws IOException {
        if (!Files.exists(wal) || Files.size(wal) < 32) {
            return 0;
        }
        try (var header = new RandomAccessFile(wal.toFile(), "r")) {
            header.seek(12);
            return header.readInt();
        }
    }
}
