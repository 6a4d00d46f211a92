package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.transfer.ImportRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk write path of migrations into PostgreSQL: events kept as recorded, batches whole or not at all. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresImportTest {

    private final PostgresAddress address = PostgresAddress.parse(TestDatabase.URL.replaceFirst("^jdbc:", "")
            + (TestDatabase.URL.contains("?") ? "&" : "?") + "schema=" + TestDatabase.newSchema());

    private static RecordedEvent event(String stream, long version, long position) {
        return new RecordedEvent(
                stream,
                version,
                position,
                UUID.randomUUID(),
                "Noted",
                2,
                ("{ \"at\" : " + position + " }").getBytes(StandardCharsets.UTF_8),
                Metadata.of(Map.of("user", "ada")),
                Instant.parse("2020-01-01T00:00:00.000001Z").plusSeconds(position));
    }

    @Test
    void keeps_events_as_recorded_and_appends_go_on_after_them() {
        var batch = List.of(event("note-1", 0, 3), event("note-2", 0, 5), event("note-1", 1, 9));
        try (var importer = PostgresImport.batches(address)) {
            assertThat(importer.write(batch)).isEqualTo(9);
            assertThat(importer.headPosition()).isEqualTo(9);
        }

        try (var store = PostgresEventStore.open(address)) {
            assertThat(store.readAll(1).toList()).isEqualTo(batch);
            assertThat(store.readAll(1).toList().getLast().recordedAt())
                    .isEqualTo(batch.getLast().recordedAt());
            var appended = store.append("note-1", ExpectedVersion.exact(1), List.of(EventData.of("Noted", "{}")));
            var fresh = store.append("note-3", ExpectedVersion.noStream(), List.of(EventData.of("Other", "{}")));
            assertThat(appended.position()).isEqualTo(10);
            assertThat(appended.streamVersion()).isEqualTo(2);
            assertThat(fresh.position()).isEqualTo(11);
        }
    }

    @Test
    void writes_nothing_of_a_batch_that_breaks_a_streams_versions_and_goes_on_from_what_was_committed() {
        try (var importer = PostgresImport.batches(address)) {
            importer.write(List.of(event("note-1", 0, 1)));

            assertThatThrownBy(() -> importer.write(List.of(event("note-1", 1, 2), event("note-1", 3, 3))))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessage("stream note-1 at position 3 has version 3, expected 2");
            assertThatThrownBy(() -> importer.write(List.of(event("note-2", 0, 1))))
                    .hasMessageStartingWith("position 1 (event ")
                    .hasMessageEndingWith(") does not follow position 1");

            assertThat(importer.headPosition()).isEqualTo(1);
            assertThat(importer.write(List.of(event("note-1", 1, 2)))).isEqualTo(2);
        }
    }
}
