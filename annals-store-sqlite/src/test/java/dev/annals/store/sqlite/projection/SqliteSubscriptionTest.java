package dev.annals.store.sqlite.projection;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Tally;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteSubscriptionTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void switches_from_history_to_live_appends_under_concurrent_writers_without_gap_or_duplicate() throws Exception {
        var seen = new CopyOnWriteArrayList<RecordedEvent>();
        try (var store = SqliteEventStore.open(data)) {
            appendMany(store, "tally-0", 2_000);
            // Small pages and buffer so that the reader reaches the head many times while writers append.
            try (var subscription = Subscription.start(
                    "all",
                    store,
                    new ReadSource.All(),
                    0,
                    SubscriptionOptions.defaults()
                            .withPageSize(64)
                            .withBufferSize(32)
                            .withMaxBatch(16),
                    seen::addAll)) {
                var writers = IntStream.range(1, 9)
                        .mapToObj(w -> Thread.ofVirtual().start(() -> appendMany(store, "tally-" + w, 500)))
                        .toList();
                for (Thread writer : writers) {
                    writer.join();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 6_000);
                assertThat(subscription.processedThrough()).isEqualTo(6_000);
            }
        }
        assertThat(seen)
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 6_000).boxed().toList());
    }

    private static void appendMany(SqliteEventStore store, String stream, int count) {
        for (int i = 0; i < count; i += 10) {
            List<EventData> batch = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                batch.add(Tally.added(i + j));
            }
            store.append(stream, ExpectedVersion.any(), batch);
        }
    }
}
