package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The append functions keep the plans they make on their first calls, when a new store's tables are empty
 * (append_group plans once and for all: docs/adr/0052). A plan that scanned the events table then would scan
 * it for every later group, ever longer, until PostgreSQL next analysed the table: a contended run on a new
 * schema was several times slower than on a warm one. Appends of every kind on a new store must find events
 * and streams by their indexes only. The statistics counted are each backend's, reported when it ends.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NewStoreIndexSeeksTest {

    private static final int RACERS = 16;
    private static final int EVENTS = 1_200;
    private static final int LATE_LONE = 100;

    @Test
    void appends_to_a_new_store_find_events_and_streams_by_their_indexes_only() throws Exception {
        var options = TestDatabase.newOptions().withListen(false);
        try (var pool = TestDatabase.smallPool();
                var store = PostgresEventStore.open(pool, options)) {
            for (int i = 0; i < 20; i++) {
                store.append("lone-" + i, ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            }
            var stored = new AtomicInteger();
            var racers = new ArrayList<Callable<Void>>();
            for (int r = 0; r < RACERS; r++) {
                String stream = "hot-" + (r % 2);
                racers.add(() -> {
                    long version = -1;
                    while (stored.get() < EVENTS) {
                        var expected = version < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version);
                        try {
                            version = store.append(stream, expected, EventData.of("Moved", "{}"))
                                    .streamVersion();
                            stored.incrementAndGet();
                        } catch (WrongExpectedVersionException e) {
                            version = e.actualVersion();
                        }
                    }
                    return null;
                });
            }
            try (var threads = Executors.newFixedThreadPool(RACERS)) {
                for (var done : threads.invokeAll(racers)) {
                    done.get();
                }
            }
            // Lone appends again, with the plans their first calls made on the empty table.
            for (int i = 0; i < LATE_LONE; i++) {
                store.append("lone-" + (i % 20), ExpectedVersion.any(), EventData.of("Late", "{}"));
                store.append("late-" + i, ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            }
        }
        // The store's connections are closed: each backend reported its counters to the statistics as it
        // ended, the writer's with every insert into the table.
        long inserted = 20 + EVENTS + 2L * LATE_LONE;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> table(options.schema(), "events").inserted() >= inserted);

        var events = table(options.schema(), "events");
        var streams = table(options.schema(), "streams");
        assertThat(events.rowsScanned())
                .as("rows of the events table read by sequential scans, for %d events", events.inserted())
                .isZero();
        assertThat(streams.rowsScanned())
                .as("rows of the streams table read by sequential scans, for %d streams", streams.inserted())
                .isZero();
    }

    private record TableStatistics(long inserted, long rowsScanned) {}

    private static TableStatistics table(String schema, String name) throws SQLException {
        try (var connection = TestDatabase.connect();
                var query = connection.prepareStatement("SELECT n_tup_ins, seq_tup_read FROM pg_stat_user_tables"
                        + " WHERE schemaname = ? AND relname = ?")) {
            query.setString(1, schema);
            query.setString(2, name);
            try (var row = query.executeQuery()) {
                return row.next() ? new TableStatistics(row.getLong(1), row.getLong(2)) : new TableStatistics(0, 0);
            }
        }
    }
}
