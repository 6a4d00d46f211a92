package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.StreamInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.store.ExpectedVersion.exact;
import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.store.ExpectedVersion.streamExists;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static dev.annals.testkit.conformance.TestEvents.richEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Appends that succeed: what they return, how they number events, and what reads give back. */
abstract class AppendContract extends StoreContract {

    @Test
    void appends_to_a_new_stream_when_no_stream_is_expected() {
        var result = store.append("account-1", noStream(), event("Opened"));

        assertThat(result).isEqualTo(new AppendResult(0, 1));
        assertThat(stream("account-1")).extracting(RecordedEvent::type).containsExactly("Opened");
    }

    @Test
    void appends_at_the_exact_version_of_the_stream() {
        store.append("account-1", noStream(), events(2, "Deposited"));

        var result = store.append("account-1", exact(1), event("Withdrawn"));

        assertThat(result).isEqualTo(new AppendResult(2, 3));
    }

    @Test
    void appends_with_any_version_to_a_new_and_to_an_existing_stream() {
        assertThat(store.append("account-1", any(), event("Opened"))).isEqualTo(new AppendResult(0, 1));
        assertThat(store.append("account-1", any(), event("Deposited"))).isEqualTo(new AppendResult(1, 2));
    }

    @Test
    void appends_to_an_existing_stream_when_the_stream_is_expected_to_exist() {
        store.append("account-1", noStream(), event("Opened"));

        assertThat(store.append("account-1", streamExists(), event("Deposited")))
                .isEqualTo(new AppendResult(1, 2));
    }

    @Test
    void appends_several_events_at_once_and_returns_the_last_version_and_position() {
        store.append("other-1", noStream(), event("Noise"));

        var result = store.append("account-1", noStream(), events(3, "Deposited"));

        assertThat(result).isEqualTo(new AppendResult(2, 4));
        assertThat(stream("account-1"))
                .extracting(RecordedEvent::streamVersion, RecordedEvent::position)
                .containsExactly(tuple(0L, 2L), tuple(1L, 3L), tuple(2L, 4L));
    }

    @Test
    void numbers_versions_from_zero_per_stream_and_positions_from_one_across_streams() {
        store.append("account-1", any(), event("A"));
        store.append("account-2", any(), events(2, "B"));
        store.append("account-1", any(), events(2, "C"));
        store.append("account-3", any(), event("D"));

        var all = all();
        assertThat(all).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all)
                .extracting(RecordedEvent::stream)
                .containsExactly("account-1", "account-2", "account-2", "account-1", "account-1", "account-3");
        assertThat(all).extracting(RecordedEvent::streamVersion).containsExactly(0L, 0L, 1L, 1L, 2L, 0L);
    }

    @Test
    void reports_the_head_position() {
        assertThat(store.headPosition()).isZero();

        store.append("account-1", any(), events(3, "A"));
        store.append("account-2", any(), event("B"));

        assertThat(store.headPosition()).isEqualTo(4);
    }

    @Test
    void lists_every_stream_with_its_version_and_last_position_in_creation_order() {
        assertThat(streams()).isEmpty();

        store.append("account-2", any(), events(2, "A"));
        store.append("account-1", any(), event("B"));
        store.append("account-2", any(), event("C"));

        assertThat(streams()).containsExactly(new StreamInfo("account-2", 2, 4), new StreamInfo("account-1", 0, 3));
    }

    @Test
    void stamps_each_event_with_the_time_it_was_recorded() {
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.append("account-1", any(), events(2, "A"));
        var after = Instant.now();

        assertThat(stream("account-1"))
                .allSatisfy(event -> assertThat(event.recordedAt()).isBetween(before, after));
    }

    @Test
    void gives_back_the_id_type_schema_version_payload_and_metadata_as_appended() {
        var plain = event("Opened");
        var rich = richEvent();
        store.append("account-1", noStream(), List.of(plain, rich));

        var read = stream("account-1");

        assertThat(read).hasSize(2);
        assertSameContent(read.get(0), plain);
        assertSameContent(read.get(1), rich);
        assertThat(read.get(1).metadata().correlationId())
                .isEqualTo(rich.metadata().correlationId());
        assertThat(read.get(1).metadata().get("tenant")).contains("nørd ✓");
        assertThat(read.get(1).category()).isEqualTo("account");
    }

    @Test
    void appends_many_events_in_one_call_with_contiguous_versions() {
        var result = store.append("account-1", noStream(), events(500, "Deposited"));

        assertThat(result).isEqualTo(new AppendResult(499, 500));
        assertThat(stream("account-1"))
                .extracting(RecordedEvent::streamVersion)
                .containsExactlyElementsOf(LongStream.range(0, 500).boxed().toList());
    }

    private static void assertSameContent(RecordedEvent read, EventData appended) {
        assertThat(read.stream()).isEqualTo("account-1");
        assertThat(read.eventId()).isEqualTo(appended.eventId());
        assertThat(read.type()).isEqualTo(appended.type());
        assertThat(read.schemaVersion()).isEqualTo(appended.schemaVersion());
        assertThat(read.payloadAsString()).isEqualTo(appended.payloadAsString());
        assertThat(read.payload()).isEqualTo(appended.payload());
        assertThat(read.metadata()).isEqualTo(appended.metadata());
    }
}
