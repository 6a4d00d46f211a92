package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteEventStoreTest {

    @TempDir
    Path data;

    @Test
    void creates_the_data_directory_and_one_database_file() {
        var directory = data.resolve("nested/annals-data");
        try (var store = SqliteEventStore.open(directory)) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            assertThat(store.file()).isEqualTo(directory.resolve("annals.db"));
        }
        assertThat(directory.resolve("annals.db")).isRegularFile();
    }

    @Test
    void keeps_every_event_stream_and_position_when_reopened() {
        List<RecordedEvent> before;
        List<StreamInfo> streamsBefore;
        var rich = new EventData(
                dev.annals.event.EventIds.next(),
                "Renamed",
                3,
                "{\"name\":\"Zoë 😀\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Metadata.empty().withUser("ann").withCorrelationId("c-1"));
        try (var store = SqliteEventStore.open(data)) {
            store.append(
                    "account-1",
                    ExpectedVersion.noStream(),
                    EventData.of("Opened", "{\"n\":1}"),
                    EventData.of("Deposited", "{\"amount\":5}"));
            store.append("order-7", ExpectedVersion.any(), rich);
            store.append("account-1", ExpectedVersion.exact(1), EventData.of("Withdrawn", "{\"amount\":2}"));
            before = store.read(ReadRequest.forward(new ReadSource.All())).toList();
            streamsBefore = store.streams().toList();
        }
        try (var store = SqliteEventStore.open(data)) {
            assertThat(store.read(ReadRequest.forward(new ReadSource.All())).toList())
                    .isEqualTo(before);
            assertThat(store.streams().toList())
                    .isEqualTo(streamsBefore)
                    .containsExactly(new StreamInfo("account-1", 2, 4), new StreamInfo("order-7", 0, 3));
            assertThat(store.headPosition()).isEqualTo(4);
            assertThat(store.readStream("order-7").toList())
                    .singleElement()
                    .satisfies(event -> assertThat(event.hasSameContentAs(rich)).isTrue());

            var next = store.append("account-1", ExpectedVersion.exact(2), EventData.of("Closed", "{}"));

            assertThat(next).isEqualTo(new AppendResult(3, 5));
        }
    }

    @Test
    void answers_an_exact_retry_after_reopening_with_the_original_result() {
        var events = List.of(EventData.of("Opened", "{}"), EventData.of("Deposited", "{\"amount\":1}"));
        AppendResult original;
        try (var store = SqliteEventStore.open(data)) {
            original = store.append("account-1", ExpectedVersion.noStream(), events);
            store.append("account-1", ExpectedVersion.exact(1), EventData.of("Deposited", "{\"amount\":2}"));
        }
        try (var store = SqliteEventStore.open(data)) {
            assertThat(store.append("account-1", ExpectedVersion.noStream(), events))
                    .isEqualTo(original);
            assertThat(store.headPosition()).isEqualTo(3);
        }
    }

    @Test
    void refuses_an_append_expecting_no_stream_to_a_stream_written_before_reopening() {
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
        }
        try (var store = SqliteEventStore.open(data)) {
            // The writer holds no stream in memory now: it tries to create the stream, finds its name taken and
            // judges the append against the stored version.
            assertThatThrownBy(
                            () -> store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                    .isInstanceOfSatisfying(
                            WrongExpectedVersionException.class,
                            refused -> assertThat(refused.actualVersion()).isZero());
            assertThat(store.append("account-2", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                    .isEqualTo(new AppendResult(0, 2));
            assertThat(store.append("account-1", ExpectedVersion.exact(0), EventData.of("Deposited", "{}")))
                    .isEqualTo(new AppendResult(1, 3));
        }
    }

    @Test
    void refuses_a_second_open_of_the_same_directory() {
        try (var store = SqliteEventStore.open(data)) {
            assertThatThrownBy(() -> SqliteEventStore.open(data))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("already open");
            assertThat(store.headPosition()).isZero();
        }
    }

    @Test
    void leaves_no_row_behind_for_a_new_stream_whose_single_event_reuses_a_stored_id() throws Exception {
        var stored = EventData.of("Opened", "{}");
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-1", ExpectedVersion.noStream(), stored);
            // One event to a new stream is written without a savepoint: the stream's row is deleted again.
            assertThatThrownBy(() -> store.append("account-2", ExpectedVersion.noStream(), stored))
                    .isInstanceOf(EventIdConflictException.class);

            assertThat(store.append("account-3", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                    .isEqualTo(new AppendResult(0, 2));
            assertThat(store.append("account-2", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                    .isEqualTo(new AppendResult(0, 3));
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT name FROM streams ORDER BY stream_id")) {
            var names = new ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            assertThat(names).containsExactly("account-1", "account-3", "account-2");
        }
    }

    @Test
    void refuses_a_database_with_a_newer_schema_version() throws Exception {
        Files.createDirectories(data);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SqliteEventStore.open(data))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void refuses_appends_and_reads_after_close() {
        var store = SqliteEventStore.open(data);
        store.close();
        store.close();

        assertThatThrownBy(() -> store.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}")))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(store::headPosition)
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void times_every_append_and_records_batch_sizes() {
        var registry = new SimpleMeterRegistry();
        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withMeterRegistry(registry))) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            store.append("account-1", ExpectedVersion.exact(0), EventData.of("A", "{}"), EventData.of("B", "{}"));
        }
        assertThat(registry.get("annals.append")
                        .tag("backend", "sqlite")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("annals.append.batch.appends").summary().totalAmount())
                .isEqualTo(2);
        assertThat(registry.get("annals.append.batch.events").summary().totalAmount())
                .isEqualTo(3);
    }

    @Test
    void reads_many_pages_in_both_directions() {
        try (var store = SqliteEventStore.open(data, SqliteOptions.defaults().withReadPageSize(7))) {
            for (int i = 0; i < 10; i++) {
                store.append(
                        i % 2 == 0 ? "even-" + i : "odd-" + i,
                        ExpectedVersion.any(),
                        java.util.stream.IntStream.range(0, 5)
                                .mapToObj(n -> EventData.of("T" + (n % 2), "{}"))
                                .toList());
            }
            assertThat(store.read(ReadRequest.backward(new ReadSource.All())).map(RecordedEvent::position))
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50)
                            .map(p -> 51 - p)
                            .boxed()
                            .toList());
            assertThat(store.read(ReadRequest.forward(new ReadSource.Category("even")))
                            .count())
                    .isEqualTo(25);
            assertThat(store.read(
                            ReadRequest.backward(new ReadSource.EventType("T0")).limit(11)))
                    .hasSize(11)
                    .isSortedAccordingTo((a, b) -> Long.compare(b.position(), a.position()));
            assertThat(store.streams()).hasSize(10);
        }
    }
}
