package dev.annals.store.sqlite.projection;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read models in the store's file take turns with its writer at SQLite's one write lock (WriteTurns). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadModelWriteTurnTest {

    @TempDir
    Path data;

    @Test
    void read_models_queue_behind_the_stores_writer_only_while_the_store_is_open_in_this_process() {
        var store = SqliteEventStore.open(data);
        var connections = SqliteProjections.connections(store);

        assertThat(connections.writeTurn()).isPresent();
        store.close();
        assertThat(connections.writeTurn()).isEmpty();
    }

    @Test
    void an_append_waits_for_the_read_model_transaction_in_progress_and_then_commits() throws Exception {
        try (var store = SqliteEventStore.open(data);
                var readModel = SqliteProjections.readModel(store, List.of())) {
            var inTransaction = new CountDownLatch(1);
            var finish = new CountDownLatch(1);
            var transaction = CompletableFuture.runAsync(() -> {
                try {
                    readModel.transact(tx -> {
                        tx.saveCheckpoint("turns", 1);
                        inTransaction.countDown();
                        finish.await();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(inTransaction.await(10, TimeUnit.SECONDS)).isTrue();

            var appended = new CompletableFuture<AppendResult>();
            var appender = new Thread(() -> appended.complete(
                    store.append("turn-1", ExpectedVersion.any(), List.of(EventData.of("Opened", "{}")))));
            appender.start();
            // Queued for its turn (parked on the lock), not retrying against SQLite's busy lock.
            await().until(() -> appender.getState() == Thread.State.WAITING);
            assertThat(appended).isNotDone();

            finish.countDown();
            transaction.get(10, TimeUnit.SECONDS);
            assertThat(appended.get(10, TimeUnit.SECONDS).position()).isEqualTo(1);
            assertThat(readModel.states().checkpoint("turns")).isEqualTo(1);
        }
    }

    @Test
    void read_model_connections_leave_checkpointing_the_wal_to_the_store() throws Exception {
        try (var store = SqliteEventStore.open(data);
                var connection = SqliteProjections.connections(store).open();
                var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
            row.next();
            // 16 MiB of WAL, in pages of 4 KiB: four times the WAL the store's checkpointer keeps.
            assertThat(row.getInt(1)).isEqualTo(4_096);
        }
    }
}
