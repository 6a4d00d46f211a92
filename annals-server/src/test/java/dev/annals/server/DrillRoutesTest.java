package dev.annals.server;

import dev.annals.server.auth.Role;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /drills/last}: the report {@code annals drill} left in the data directory, for the console. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DrillRoutesTest {

    static final String REPORT = """
            {"finishedAt":"2026-12-03T14:00:00Z","machine":"2 processors","passed":true,"drills":[
             {"drill":"kill-writer","outcome":"passed","faults":3,"acknowledged":120,"lost":0,"duplicated":0,
              "recovery":{"p50Millis":900,"p99Millis":1500,"maxMillis":1500},"violationCount":0,"violations":[]}]}
            """;

    @RegisterExtension
    final TokenServer server = new TokenServer((builder, data) -> builder.dataDirectory(data));

    @Test
    void answers_404_with_the_api_error_until_a_drill_has_left_its_report_then_the_report_as_written()
            throws Exception {
        var reader = server.client(Role.READER);

        var none = reader.get("/drills/last");
        Files.writeString(server.data().resolve("last-drill.json"), REPORT);
        var last = reader.get("/drills/last");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).isEqualTo("no_drill_report");
        assertThat(none.json().get("message").asText())
                .contains("annals drill")
                .doesNotContain(server.data().toString());
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("passed").asBoolean()).isTrue();
        assertThat(last.json().get("drills").get(0).get("drill").asText()).isEqualTo("kill-writer");
        assertThat(last.json()
                        .get("drills")
                        .get(0)
                        .get("recovery")
                        .get("p99Millis")
                        .asLong())
                .isEqualTo(1500);
    }

    @Test
    void a_report_that_is_not_a_json_object_is_not_served_and_is_not_a_server_error() throws Exception {
        var reader = server.client(Role.READER);
        Path file = server.data().resolve("last-drill.json");

        Files.writeString(file, "{\"finishedAt\": \"2026-12");
        var truncated = reader.get("/drills/last");
        Files.writeString(file, "[1, 2]");
        var array = reader.get("/drills/last");

        assertThat(truncated.status()).isEqualTo(404);
        assertThat(truncated.json().get("error").asText()).isEqualTo("no_drill_report");
        assertThat(array.status()).isEqualTo(404);
    }

    @Test
    void needs_a_token() throws Exception {
        Files.writeString(server.data().resolve("last-drill.json"), REPORT);

        var anonymous = new HttpTestClient(server.uri()).get("/drills/last");

        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void answers_404_on_a_server_without_a_data_directory(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("last-drill.json"), REPORT);
        try (var store = new InMemoryEventStore();
                var open = AnnalsServer.start(store, ServerOptions.defaults().withPort(0))) {
            var reply = new HttpTestClient(open.uri()).get("/drills/last");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("error").asText()).isEqualTo("no_drill_report");
        }
    }
}
