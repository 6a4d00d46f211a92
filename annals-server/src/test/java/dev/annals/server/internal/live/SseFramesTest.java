package dev.annals.server.internal.live;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SseFramesTest {

    private final SseFrames frames = new SseFrames(8, 0);

    @Test
    void renders_an_event_once_for_every_client_that_sends_the_same_object() {
        var event = event(12, "{\"amount\":5}");

        assertThat(frames.frame(event)).isSameAs(frames.frame(event));
    }

    @Test
    void renders_again_an_event_read_from_elsewhere_or_one_that_took_its_slot() {
        var held = event(12, "{\"amount\":5}");
        byte[] first = frames.frame(held);

        assertThat(frames.frame(event(12, "{\"amount\":5}"))).isNotSameAs(first).isEqualTo(first);
        assertThat(new String(frames.frame(event(20, "{}")), StandardCharsets.UTF_8))
                .startsWith("id: 20\n");
        assertThat(frames.frame(held))
                .as("slot 4 now holds position 20")
                .isNotSameAs(first)
                .isEqualTo(first);
    }

    @Test
    void a_frame_is_the_position_as_id_and_the_event_as_json_on_one_data_line() {
        String frame = new String(frames.frame(event(7, "{\"note\":\"two\\nlines\"}")), StandardCharsets.UTF_8);

        assertThat(frame).startsWith("id: 7\nevent: event\ndata: {").endsWith("}\n\n");
        assertThat(frame.lines())
                .containsExactly(
                        "id: 7", "event: event", frame.substring(frame.indexOf("data: "), frame.length() - 2), "");
        assertThat(frame).contains("\"position\":7").contains("two\\nlines");
    }

    private static RecordedEvent event(long position, String json) {
        return new RecordedEvent(
                "account-1",
                position - 1,
                position,
                new UUID(0, position),
                "Noted",
                1,
                json.getBytes(StandardCharsets.UTF_8),
                Metadata.empty(),
                Instant.parse("2026-11-26T19:00:00Z"));
    }
}
