package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.sqlite.audit.SqliteAuditTrail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends long enough for the writer's multi-row inserts: rows of one append that share their type, schema
 * version and empty metadata go through a statement that binds those once and counts positions and
 * versions up in SQL, the others through the plain one, and seals at consecutive positions likewise. Every
 * event must read back as given, at its own version and position, and the hash chain must verify.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LongAppendRowsTest {

    @TempDir
    Path data;

    @Test
    void keeps_every_event_of_long_appends_whether_its_rows_share_their_fields_or_not() {
        var mixed = new ArrayList<EventData>();
        for (int i = 0; i < 70; i++) {
            String type = i == 40 ? "Renamed" : "Deposited";
            int schemaVersion = i == 55 ? 2 : 1;
            var metadata = i == 20 ? Metadata.empty().withUser("ann").withCorrelationId("c-" + i) : Metadata.empty();
            byte[] payload = ("{\"amount\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            mixed.add(new EventData(EventIds.next(), type, schemaVersion, payload, metadata));
        }
        var uniform = new ArrayList<EventData>();
        for (int i = 0; i < 33; i++) {
            uniform.add(EventData.of("Withdrawn", "{\"amount\":" + i + "}"));
        }
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-0", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));

            assertThat(store.append("account-1", ExpectedVersion.noStream(), mixed))
                    .isEqualTo(new AppendResult(69, 71));
            assertThat(store.append("account-1", ExpectedVersion.exact(69), uniform))
                    .isEqualTo(new AppendResult(102, 104));

            var expected = new ArrayList<EventData>(mixed);
            expected.addAll(uniform);
            List<RecordedEvent> read = store.readStream("account-1").toList();
            assertThat(read).hasSize(expected.size());
            for (int i = 0; i < read.size(); i++) {
                var event = read.get(i);
                assertThat(event.streamVersion()).isEqualTo(i);
                assertThat(event.position()).isEqualTo(i + 2);
                assertThat(event.hasSameContentAs(expected.get(i)))
                        .as("event %d", i)
                        .isTrue();
            }
            assertThat(store.read(ReadRequest.forward(new ReadSource.All())).map(RecordedEvent::position))
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 104)
                            .boxed()
                            .toList());
        }
        assertThat(SqliteAuditTrail.open(data).verify().intact()).isTrue();
    }

    @Test
    void answers_an_exact_retry_of_a_long_append_with_its_original_result() {
        var events = new ArrayList<EventData>();
        for (int i = 0; i < 40; i++) {
            events.add(EventData.of("Deposited", "{\"amount\":" + i + "}"));
        }
        try (var store = SqliteEventStore.open(data)) {
            var original = store.append("account-1", ExpectedVersion.noStream(), events);

            assertThat(store.append("account-1", ExpectedVersion.any(), events)).isEqualTo(original);
            assertThat(store.headPosition()).isEqualTo(original.position());
            assertThat(store.append("account-2", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                    .isEqualTo(new AppendResult(0, original.position() + 1));
        }
        assertThat(SqliteAuditTrail.open(data).verify().intact()).isTrue();
    }
}
