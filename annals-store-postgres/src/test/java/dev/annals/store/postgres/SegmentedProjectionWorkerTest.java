package dev.annals.store.postgres;

import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.segment.SegmentCountMismatchException;
import dev.annals.projection.segment.SegmentOptions;
import dev.annals.projection.segment.SegmentedProjectionWorker;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.jdbc.projection.Tally;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Workers in one process on a real PostgreSQL: they balance the segments and hand them over on closing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SegmentedProjectionWorkerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PostgresEventStore store;

    @BeforeEach
    void open() {
        store = PostgresEventStore.open(TestDatabase.URL, TestDatabase.newOptions());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void two_workers_share_the_segments_fairly_and_a_closing_worker_hands_its_own_over_at_once() throws Exception {
        for (int i = 0; i < 200; i++) {
            store.append("ledger-" + (i % 20), ExpectedVersion.any(), Tally.added(i));
        }
        var a = start("worker-a");
        var b = start("worker-b");
        List<Integer> held;
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> a.segments().size() == 2 && b.segments().size() == 2);
            held = new ArrayList<>(a.segments());
            held.addAll(b.segments());
            assertThat(meters.get("annals.projection.segments.held")
                            .tag("worker", "worker-a")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
        } finally {
            a.close();
        }
        assertThat(held).containsExactlyInAnyOrder(0, 1, 2, 3);
        try (b) {
            await().atMost(Duration.ofSeconds(30)).until(() -> b.segments().size() == 4);
            store.append("ledger-7", ExpectedVersion.any(), Tally.added(1_000));
            await().atMost(Duration.ofSeconds(30)).until(() -> events() == 201);
        }
        assertThat(total()).isEqualTo(199L * 200 / 2 + 1_000);
    }

    @Test
    void refuses_a_worker_with_another_number_of_segments_or_a_projection_of_one_stream() {
        try (var worker = start("worker-a")) {
            assertThat(worker.worker()).isEqualTo("worker-a");
            assertThatThrownBy(() -> PostgresProjections.startWorker(
                            store,
                            ledger(),
                            Ledger.tables("ledger"),
                            new SegmentOptions(8, Duration.ofSeconds(3), Duration.ofMillis(300), "worker-b", runner())))
                    .isInstanceOf(SegmentCountMismatchException.class);
        }
        Projection<SqlContext> oneStream = Projection.<SqlContext>builder("one")
                .source(new ReadSource.StreamOf("ledger-1"))
                .events(Tally.CODEC)
                .on(Tally.Added.class, (event, tx) -> {})
                .build();
        assertThatThrownBy(() -> PostgresProjections.startWorker(store, oneStream, Ledger.tables("one"), options("w")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be split");
    }

    private SegmentedProjectionWorker<SqlContext> start(String worker) {
        return PostgresProjections.startWorker(store, ledger(), Ledger.tables("ledger"), options(worker));
    }

    private static Projection<SqlContext> ledger() {
        return Ledger.projection("ledger", "ledger", false);
    }

    private SegmentOptions options(String worker) {
        return new SegmentOptions(4, Duration.ofSeconds(3), Duration.ofMillis(300), worker, runner());
    }

    private ProjectionOptions runner() {
        return ProjectionOptions.defaults().withMeterRegistry(meters).withControlInterval(Duration.ofMillis(100));
    }

    private long events() throws SQLException {
        return sum("events");
    }

    private long total() throws SQLException {
        return sum("total");
    }

    private long sum(String column) throws SQLException {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var row = statement.executeQuery(
                        "SELECT coalesce(sum(" + column + "), 0) FROM " + store.schema() + ".ledger")) {
            row.next();
            return row.getLong(1);
        }
    }
}
