package dev.annals.serialization;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
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
class UpcastingTest {

    private final EventCodec<ParcelEvent> codec = new EventCodec<>(ParcelEvents.registry());
    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void an_event_stored_at_v1_is_read_at_v3_through_the_whole_chain() {
        storeRaw("parcel-1", "parcel.sent", 1, "{\"to\":\"1 Main St\"}");

        assertThat(readTyped("parcel-1")).containsExactly(new ParcelEvent.Sent("1 Main St", false));
    }

    @Test
    void an_event_stored_at_v2_enters_the_chain_where_it_stands() {
        storeRaw("parcel-1", "parcel.sent", 2, "{\"address\":\"2 High St\"}");

        assertThat(readTyped("parcel-1")).containsExactly(new ParcelEvent.Sent("2 High St", false));
    }

    @Test
    void a_renamed_field_keeps_its_value() {
        storeRaw("parcel-1", "parcel.sent", 1, "{\"to\":\"elsewhere\"}");

        assertThat(readTyped("parcel-1"))
                .singleElement()
                .extracting(event -> ((ParcelEvent.Sent) event).address())
                .isEqualTo("elsewhere");
    }

    @Test
    void one_stored_event_splits_into_two_in_order_between_its_neighbours() {
        storeRaw("parcel-1", "parcel.sent", 3, "{\"address\":\"a\",\"priority\":true}");
        storeRaw("parcel-1", "parcel.delivered", 1, "{\"at\":\"noon\",\"signedBy\":\"Bo\"}");
        storeRaw("parcel-1", "parcel.signed", 1, "{\"by\":\"Cy\"}");

        assertThat(readTyped("parcel-1"))
                .containsExactly(
                        new ParcelEvent.Sent("a", true),
                        new ParcelEvent.Delivered("noon"),
                        new ParcelEvent.Signed("Bo"),
                        new ParcelEvent.Signed("Cy"));
    }

    @Test
    void the_stored_bytes_stay_as_they_were_written() {
        storeRaw("parcel-1", "parcel.sent", 1, "{\"to\":\"x\"}");
        readTyped("parcel-1");

        try (var events = store.readStream("parcel-1")) {
            var stored = events.findFirst().orElseThrow();
            assertThat(stored.schemaVersion()).isEqualTo(1);
            assertThat(stored.payloadAsString()).isEqualTo("{\"to\":\"x\"}");
        }
    }

    @Test
    void a_version_with_no_upcaster_is_an_error_naming_the_gap_and_the_event() {
        var registry = EventTypeRegistry.builder(ParcelEvent.class)
                .register(ParcelEvent.Sent.class, "parcel.sent", 3)
                .register(ParcelEvent.Delivered.class, "parcel.delivered")
                .register(ParcelEvent.Signed.class, "parcel.signed")
                .upcast("parcel.sent", 1, Upcaster.renameField("to", "address"))
                .build();
        storeRaw("parcel-9", "parcel.sent", 1, "{\"to\":\"x\"}");

        assertThatThrownBy(() -> readTyped(new EventCodec<>(registry), "parcel-9"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage(
                        "no upcaster from v2 to current v3: type 'parcel.sent' v1 in stream 'parcel-9' at version 0,"
                                + " position 1");
    }

    @Test
    void an_upcaster_from_the_current_version_is_refused_when_the_registry_is_built() {
        var builder = EventTypeRegistry.builder(ParcelEvent.class)
                .register(ParcelEvent.Sent.class, "parcel.sent", 2)
                .register(ParcelEvent.Delivered.class, "parcel.delivered")
                .register(ParcelEvent.Signed.class, "parcel.signed")
                .upcast("parcel.sent", 2, Upcaster.renameField("a", "b"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an upcaster reads 'parcel.sent' v2 but v2 is the current version");
    }

    private void storeRaw(String stream, String type, int schemaVersion, String json) {
        store.append(
                stream,
                ExpectedVersion.any(),
                List.of(new EventData(
                        UUID.randomUUID(),
                        type,
                        schemaVersion,
                        json.getBytes(StandardCharsets.UTF_8),
                        Metadata.empty())));
    }

    private List<ParcelEvent> readTyped(String stream) {
        return readTyped(codec, stream);
    }

    private List<ParcelEvent> readTyped(EventCodec<ParcelEvent> withCodec, String stream) {
        try (var events = store.readStream(stream)) {
            return events.flatMap(event -> withCodec.decode(event).stream()).toList();
        }
    }
}
