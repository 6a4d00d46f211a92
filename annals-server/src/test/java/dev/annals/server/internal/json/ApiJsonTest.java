package dev.annals.server.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's events written as they go say what {@link ApiJson#event}'s tree says, payloads copied where they can be. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiJsonTest {

    @Test
    void copies_a_json_payload_byte_for_byte_as_it_is_stored() {
        String payload = "{ \"amount\" : 5, \"note\":\"caf\u00e9 \uD83D\uDE00\" }";

        var event = event(payload.getBytes(StandardCharsets.UTF_8));
        String written = written(event);

        assertThat(written).contains("\"data\":" + payload + ",");
        assertThat(tree(written)).isEqualTo(tree(ApiJson.event(event).toString()));
    }

    @Test
    void writes_a_payload_that_is_not_one_json_value_as_the_tree_of_the_event_shapes_it() {
        byte[][] payloads = {
            "not json".getBytes(StandardCharsets.UTF_8),
            "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
            "{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},
        };
        for (byte[] payload : payloads) {
            var event = event(payload);

            assertThat(written(event))
                    .as(new String(payload, StandardCharsets.UTF_8))
                    .isEqualTo(ApiJson.event(event).toString());
        }
    }

    @Test
    void writes_the_metadata_and_the_other_fields_as_the_tree_does() {
        var event = new RecordedEvent(
                "account-1",
                3,
                42,
                UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"),
                "Deposited",
                2,
                "[1,2]".getBytes(StandardCharsets.UTF_8),
                Metadata.of(Map.of("user", "ada")),
                Instant.parse("2026-12-04T23:54:50.984725Z"));

        assertThat(written(event)).isEqualTo(ApiJson.event(event).toString());
    }

    @Test
    void writes_the_same_event_object_the_same_way_every_time_it_is_written_again() {
        for (byte[] payload : new byte[][] {
            "{\"amount\":5}".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8)
        }) {
            var event = event(payload);
            String expected = ApiJson.event(event).toString();

            for (int sight = 0; sight < 4; sight++) {
                assertThat(new String(
                                JsonBody.write(json -> {
                                    json.writeStartArray();
                                    ApiJson.writeEvent(json, event);
                                    ApiJson.writeEvent(json, event);
                                    json.writeEndArray();
                                }),
                                StandardCharsets.UTF_8))
                        .isEqualTo("[" + expected + "," + expected + "]");
            }
        }
    }

    private static RecordedEvent event(byte[] payload) {
        return new RecordedEvent(
                "account-1", 0, 1, UUID.randomUUID(), "Deposited", 1, payload, Metadata.empty(), Instant.EPOCH);
    }

    private static String written(RecordedEvent event) {
        return new String(JsonBody.write(json -> ApiJson.writeEvent(json, event)), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
