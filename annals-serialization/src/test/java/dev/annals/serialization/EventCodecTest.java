package dev.annals.serialization;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCodecTest {

    private final EventCodec<ParcelEvent> codec = new EventCodec<>(ParcelEvents.registry());
    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void stores_an_event_under_its_registered_name_and_current_version_not_its_class_name() {
        var data = codec.encode(
                new ParcelEvent.Sent("1 Main St", true), Metadata.empty().withUser("ann"));

        assertThat(data.type()).isEqualTo("parcel.sent");
        assertThat(data.schemaVersion()).isEqualTo(3);
        assertThat(data.payloadAsString()).isEqualTo("{\"address\":\"1 Main St\",\"priority\":true}");
        assertThat(data.metadata().user()).contains("ann");
    }

    @Test
    void reads_back_what_it_wrote() {
        store.append(
                "parcel-1",
                ExpectedVersion.noStream(),
                List.of(
                        codec.encode(new ParcelEvent.Sent("1 Main St", false), Metadata.empty()),
                        codec.encode(new ParcelEvent.Delivered("noon"), Metadata.empty())));

        try (var events = store.readStream("parcel-1")) {
            assertThat(events.flatMap(event -> codec.decode(event).stream()).toList())
                    .containsExactly(new ParcelEvent.Sent("1 Main St", false), new ParcelEvent.Delivered("noon"));
        }
    }

    @Test
    void an_unknown_type_names_the_type_the_stream_and_the_position() {
        store.append("other-1", ExpectedVersion.any(), List.of(EventData.of("Whatever", "{}")));
        store.append("parcel-7", ExpectedVersion.any(), List.of(EventData.of("parcel.lost", "{\"where\":\"x\"}")));
        RecordedEvent lost = last("parcel-7");

        assertThatThrownBy(() -> codec.decode(lost))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.type()).isEqualTo("parcel.lost");
                    assertThat(e.stream()).isEqualTo("parcel-7");
                    assertThat(e.position()).isEqualTo(2);
                })
                .hasMessage("unknown event type: type 'parcel.lost' v1 in stream 'parcel-7' at version 0, position 2");
    }

    @Test
    void a_payload_missing_a_property_of_the_record_is_an_error_naming_the_event() {
        store.append(
                "parcel-2",
                ExpectedVersion.any(),
                List.of(new EventData(UUID.randomUUID(), "parcel.signed", 1, bytes("{}"), Metadata.empty())));

        assertThatThrownBy(() -> codec.decode(last("parcel-2")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("payload does not fit Signed")
                .hasMessageContaining("'parcel.signed' v1 in stream 'parcel-2' at version 0, position 1");
    }

    @Test
    void a_payload_that_is_not_json_is_an_error_naming_the_event() {
        store.append(
                "parcel-3",
                ExpectedVersion.any(),
                List.of(new EventData(UUID.randomUUID(), "parcel.signed", 1, bytes("not json"), Metadata.empty())));

        assertThatThrownBy(() -> codec.decode(last("parcel-3")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("payload is not JSON")
                .hasMessageContaining("stream 'parcel-3'");
    }

    @Test
    void properties_the_record_does_not_know_are_ignored() {
        store.append(
                "parcel-4",
                ExpectedVersion.any(),
                List.of(new EventData(
                        UUID.randomUUID(),
                        "parcel.signed",
                        1,
                        bytes("{\"by\":\"Bo\",\"addedLater\":1}"),
                        Metadata.empty())));

        assertThat(codec.decode(last("parcel-4"))).containsExactly(new ParcelEvent.Signed("Bo"));
    }

    private RecordedEvent last(String stream) {
        try (var events = store.readStream(stream)) {
            return events.reduce((first, second) -> second).orElseThrow();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
