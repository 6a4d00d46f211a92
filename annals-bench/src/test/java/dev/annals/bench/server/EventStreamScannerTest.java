package dev.annals.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventStreamScannerTest {

    private static final String BODY = "id: 7\nevent: event\ndata: {\"position\":7,\"data\":{\"t\":123}}\n\n"
            + ": heartbeat\n\n"
            + "event: behind\nid: 7\ndata: {\"error\":\"fell_behind\"}\n\n";

    private final List<String> seen = new ArrayList<>();
    private final EventStreamScanner scanner = new EventStreamScanner(new EventStreamScanner.Lines() {
        @Override
        public void status(int code) {
            seen.add("status " + code);
        }

        @Override
        public void id(long id) {
            seen.add("id " + id);
        }

        @Override
        public void event(String name) {
            seen.add("event " + name);
        }

        @Override
        public void data(byte[] line, int from, int to) {
            seen.add("data " + new String(line, from, to - from, StandardCharsets.UTF_8).strip());
        }
    });

    @Test
    void reads_a_chunked_response_whatever_the_pieces_it_arrives_in() {
        String half = BODY.substring(0, 30);
        String rest = BODY.substring(30);
        byte[] response = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                        + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        for (byte b : response) {
            scanner.accept(new byte[] {b}, 0, 1); // a frame cut by a chunk and by every read
        }

        assertThat(seen)
                .containsExactly(
                        "status 200",
                        "id 7",
                        "data {\"position\":7,\"data\":{\"t\":123}}",
                        "event behind",
                        "id 7",
                        "data {\"error\":\"fell_behind\"}");
    }

    @Test
    void reads_a_plain_body_in_one_piece() {
        byte[] response = ("HTTP/1.1 406 Not Acceptable\r\n\r\n" + BODY).getBytes(StandardCharsets.UTF_8);
        scanner.accept(response, 0, response.length);

        assertThat(seen).startsWith("status 406", "id 7").hasSize(6);
    }
}
