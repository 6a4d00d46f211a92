package dev.annals.server.internal.stream;

import dev.annals.event.EventData;
import dev.annals.server.internal.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamedAppendBodyTest {

    static final String ID = "0190f0a4-7b5c-7cc3-8a1e-3f1d2b4c5d6e";
    static final String ID2 = "0190f0a4-7b5c-7cc3-8a1e-3f1d2b4c5d6f";

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The streamed reading of {@code body}, checked against the tree's reading of it. */
    static AppendBody sameAsTree(String body) {
        var streamed = StreamedAppendBody.read(utf8(body));
        var tree = AppendBody.parseTree(utf8(body));
        assertThat(streamed).as("read in one pass: %s", body).isNotNull();
        assertThat(streamed.expected()).isEqualTo(tree.expected());
        assertThat(streamed.events()).hasSameSizeAs(tree.events());
        for (int i = 0; i < tree.events().size(); i++) {
            EventData one = streamed.events().get(i);
            EventData other = tree.events().get(i);
            assertThat(one.type()).isEqualTo(other.type());
            assertThat(one.schemaVersion()).isEqualTo(other.schemaVersion());
            assertThat(new String(one.payload(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(other.payload(), StandardCharsets.UTF_8));
            assertThat(one.metadata()).isEqualTo(other.metadata());
            if (body.contains("\"eventId\":\"")) {
                assertThat(one.eventId()).isEqualTo(other.eventId());
            }
        }
        return streamed;
    }

    @Test
    void reads_the_plain_shapes_into_what_the_tree_reads() {
        sameAsTree("{\"events\":[{\"type\":\"Opened\",\"data\":{\"pad\":\"xxxx\"}}]}");
        sameAsTree("{\"expectedVersion\":\"no_stream\",\"events\":[{\"type\":\"Opened\",\"data\":{}}]}");
        sameAsTree("{\"expectedVersion\":\"stream_exists\",\"events\":[{\"type\":\"Opened\",\"data\":[]}]}");
        sameAsTree("{\"events\":[{\"data\":null,\"type\":\"Opened\"}],\"expectedVersion\":\"any\"}");
        sameAsTree("{\"expectedVersion\":-1,\"events\":[{\"type\":\"Opened\",\"data\":1}]}");
        sameAsTree("{\"expectedVersion\":null,\"events\":[{\"type\":\"Opened\",\"data\":\"text\"}]}");
        sameAsTree("{\"expectedVersion\":9000000000,\"events\":[{\"type\":\"T\",\"data\":true,\"schemaVersion\":3}]}");
        sameAsTree("{\"events\":[{\"type\":\"T\",\"eventId\":\"" + ID + "\",\"data\":false,"
                + "\"metadata\":{\"user\":\"ann\",\"correlationId\":\"c-1\"}},"
                + "{\"type\":\"U\",\"eventId\":\"" + ID2 + "\",\"data\":{\"a\":[1,-0,-7,2147483648,"
                + "123456789012345678901234567890,null,{\"b\":{}}]},\"metadata\":null}]}");
        sameAsTree(" {\n \"events\" : [ { \"type\" : \"T\" , \"data\" : { \"a\" : 1 , \"b\" : [ ] } } ] } \n");
        sameAsTree("{\"events\":[{\"type\":\"T\",\"data\":{\"name\":\"Zoë ☃ 𝄞\"},\"eventId\":null}]}");
    }

    @Test
    void leaves_every_other_body_to_the_tree() {
        var others = List.of(
                "",
                "[]",
                "{}",
                "{\"events\":[]}",
                "{\"events\":{}}",
                "{\"events\":[{\"type\":\"T\"}]}",
                "{\"events\":[{\"data\":1}]}",
                "{\"events\":[{\"type\":\" \",\"data\":1}]}",
                "{\"events\":[{\"type\":1,\"data\":1}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1.5}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":{\"a\":1e3}}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":\"a\\\"b\"}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":\"\\ud800\"}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"extra\":1}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1}],\"extra\":1}",
                "{\"events\":[{\"type\":\"T\",\"data\":1}]} trailing",
                "{\"events\":[{\"type\":\"T\",\"data\":{\"a\":1,\"a\":2}}]}",
                "{\"events\":[{\"type\":\"T\",\"type\":\"U\",\"data\":1}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"eventId\":\"nope\"}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"eventId\":\"" + ID + "\"},"
                        + "{\"type\":\"T\",\"data\":1,\"eventId\":\"" + ID + "\"}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"schemaVersion\":0}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"schemaVersion\":1.0}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"metadata\":{\"a\":1}}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":1,\"metadata\":[]}]}",
                "{\"expectedVersion\":-2,\"events\":[{\"type\":\"T\",\"data\":1}]}",
                "{\"expectedVersion\":\"latest\",\"events\":[{\"type\":\"T\",\"data\":1}]}",
                "{\"expectedVersion\":1.0,\"events\":[{\"type\":\"T\",\"data\":1}]}",
                "{\"expectedVersion\":99999999999999999999,\"events\":[{\"type\":\"T\",\"data\":1}]}",
                "{\"events\":[{\"type\":\"T\",\"data\":{\"a\":}}]}");
        for (String body : others) {
            assertThat(StreamedAppendBody.read(utf8(body))).as(body).isNull();
        }
        assertThat(StreamedAppendBody.read(new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}))
                .isNull();
    }

    @Test
    void a_float_in_the_data_is_read_by_the_tree_with_its_exact_text() {
        var body = AppendBody.parse(utf8("{\"events\":[{\"type\":\"T\",\"data\":{\"a\":1.50}}]}"));

        assertThat(new String(body.events().getFirst().payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1.50}");
    }

    @Test
    void a_body_the_tree_refuses_is_still_refused_with_its_reason() {
        assertThatThrownBy(() -> AppendBody.parse(utf8("{\"events\":[{\"type\":\"T\",\"data\":1,\"extra\":1}]}")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("unknown field \"events[0].extra\"");
    }
}
