package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.store.DeletionMode;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQLite store opened for reading beside the store that holds the directory lock and writes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteReadOnlyStoreTest {

    @TempDir
    Path data;

    private static SqliteOptions options() {
        return SqliteOptions.defaults().withMeterRegistry(new SimpleMeterRegistry());
    }

    @Test
    void reads_while_the_writer_holds_the_directory_lock_and_sees_its_later_commits() {
        try (var writer = SqliteEventStore.open(data, options())) {
            writer.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            assertThatThrownBy(() -> SqliteEventStore.open(data, options())).hasMessageContaining("already open");

            try (var reader = SqliteReadOnlyStore.open(data, options())) {
                assertThat(reader.readStream("account-1").toList()).hasSize(1);
                writer.append("account-1", ExpectedVersion.exact(0), EventData.of("Deposited", "{}"));
                writer.append("account-2", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));

                assertThat(reader.readStream("account-1")
                                .map(event -> event.type())
                                .toList())
                        .containsExactly("Opened", "Deposited");
                assertThat(reader.headPosition()).isEqualTo(3);
                assertThat(reader.streams().map(StreamInfo::stream).toList()).containsExactly("account-1", "account-2");
            }
            writer.append("account-2", ExpectedVersion.exact(0), EventData.of("Deposited", "{}"));
        }
    }

    @Test
    void never_answers_a_stream_read_from_before_the_writers_later_commits() {
        // One read connection: every read of the stream asks the connection that answered it before.
        var oneReader = options().withReadConnections(1);
        try (var writer = SqliteEventStore.open(data, options());
                var reader = SqliteReadOnlyStore.open(data, oneReader)) {
            writer.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
            assertThat(reader.readStream("account-1").toList()).hasSize(1);
            assertThat(reader.readStream("account-1").toList()).hasSize(1);

            writer.append("account-1", ExpectedVersion.exact(0), EventData.of("Deposited", "{}"));
            assertThat(reader.readStream("account-1").map(event -> event.type()).toList())
                    .containsExactly("Opened", "Deposited");

            writer.truncateStream("account-1", 1);
            assertThat(reader.readStream("account-1").map(event -> event.type()).toList())
                    .containsExactly("Deposited");

            writer.deleteStream("account-1", DeletionMode.SOFT);
            assertThat(reader.readStream("account-1").toList()).isEmpty();
        }
    }

    @Test
    void reads_a_store_that_no_process_holds_open() {
        try (var writer = SqliteEventStore.open(data, options())) {
            writer.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
        }

        try (var reader = SqliteReadOnlyStore.open(data, options())) {
            assertThat(reader.readAll(0).toList()).hasSize(1);
        }
        // The writer can still take the store afterwards: the reader left no lock behind.
        SqliteEventStore.open(data, options()).close();
    }

    @Test
    void refuses_appends() {
        SqliteEventStore.open(data, options()).close();
        try (var reader = SqliteReadOnlyStore.open(data, options())) {
            assertThatThrownBy(() -> reader.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}")))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("open for reading only");
        }
    }

    @Test
    void refuses_a_directory_without_a_store_and_creates_nothing() {
        var missing = data.resolve("nowhere");

        assertThatThrownBy(() -> SqliteReadOnlyStore.open(missing, options()))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("no SQLite store in data directory " + missing);
        assertThat(missing).doesNotExist();
        assertThat(Files.exists(data.resolve(SqliteEventStore.FILE_NAME))).isFalse();
    }
}
