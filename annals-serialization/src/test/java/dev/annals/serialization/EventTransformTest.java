package dev.annals.serialization;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
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

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventTransformTest {

    private final EventTransform upcasting = EventTransform.upcasting(List.of(ParcelEvents.registry()));

    private static RecordedEvent stored(String type, int version, String json) {
        return new RecordedEvent(
                "parcel-1",
                3,
                42,
                UUID.randomUUID(),
                type,
                version,
                json.getBytes(StandardCharsets.UTF_8),
                Metadata.of(Map.of("user", "ada")),
                Instant.parse("2026-11-26T10:00:00.123456Z"));
    }

    @Test
    void brings_an_event_up_to_its_current_version_through_the_chain_keeping_its_identity() {
        var old = stored("parcel.sent", 1, "{\"to\":\"Main St\"}");

        var now = upcasting.transform(old);

        assertThat(now.schemaVersion()).isEqualTo(3);
        assertThat(new String(now.payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"address\":\"Main St\",\"priority\":false}");
        assertThat(now.eventId()).isEqualTo(old.eventId());
        assertThat(now.position()).isEqualTo(42);
        assertThat(now.streamVersion()).isEqualTo(3);
        assertThat(now.recordedAt()).isEqualTo(old.recordedAt());
        assertThat(now.metadata()).isEqualTo(old.metadata());
    }

    @Test
    void passes_current_and_unknown_events_unchanged_byte_for_byte() {
        var current = stored("parcel.sent", 3, "{ \"address\" : \"x\", \"priority\" : true }");
        var unknown = stored("invoice.paid", 1, "{ \"spaced\" : 1 }");

        assertThat(upcasting.transform(current)).isSameAs(current);
        assertThat(upcasting.transform(unknown)).isSameAs(unknown);
        assertThat(EventTransform.identity().transform(unknown)).isSameAs(unknown);
    }

    @Test
    void refuses_an_upcast_that_splits_an_event() {
        var delivered = stored("parcel.delivered", 1, "{\"signedBy\":\"Bob\"}");

        assertThatThrownBy(() -> upcasting.transform(delivered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parcel.delivered v1 upcasts into 2 events; a migration keeps one event per position,"
                        + " so it cannot split");
    }

    @Test
    void refuses_a_payload_that_is_no_json_object() {
        assertThatThrownBy(() -> upcasting.transform(stored("parcel.sent", 1, "[1]")))
                .hasMessage("payload is not a JSON object");
    }
}
