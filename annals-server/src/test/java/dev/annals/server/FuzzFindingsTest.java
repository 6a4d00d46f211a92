package dev.annals.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.server.fuzz.FuzzRequest;
import dev.annals.server.fuzz.RawHttp;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP fuzzer ({@code HttpApiFuzzProperties}) found, one test per class of input, kept so that
 * each stays fixed without the fuzzer having to find it again.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FuzzFindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server =
            AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
    private final RawHttp http = new RawHttp(server.uri().getHost(), server.port());

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private RawHttp.Answer send(String method, String target, String body) throws IOException {
        var request = new FuzzRequest(
                "regression",
                method,
                target,
                List.of("Content-Type: application/json"),
                FuzzRequest.Credential.NONE,
                body.getBytes(StandardCharsets.UTF_8));
        return http.send(request, "");
    }

    @Test
    void a_target_the_servlet_layer_refuses_is_answered_with_the_api_json_error_whatever_the_method()
            throws IOException {
        // Found as "POST *": Jetty's HTML page named its servlet; "PUT *" had no body at all.
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO")) {
            var answer = send(method, "*", "{}");

            // OPTIONS * is a valid request for which no route exists: 404; the others cannot be parsed: 400.
            assertThat(answer.status()).as(method).isEqualTo(method.equals("OPTIONS") ? 404 : 400);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("error").asText()).as(method).isNotEmpty();
            assertThat(answer.body())
                    .as(method)
                    .doesNotContainIgnoringCase("servlet")
                    .doesNotContain("<html");
        }
    }

    @Test
    void truncated_or_too_deep_json_is_described_without_the_parser_s_internals() throws IOException {
        // Found as a truncated append body: the message quoted "[Source: REDACTED
        // (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)". The same class: nesting over the
        // parser's limit, and an escape the parser refuses.
        var bodies = List.of(
                "{\"expectedVersion\":1e3,\"events\":[{\"type\":123",
                "{\"events\":[{\"type\":\"Deep\",\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}",
                "{\"events\":[{\"type\":\"A\\qB\",\"data\":{}}]}",
                "{\"events\":[{\"type\":\"A\",\"data\":{}}]}}");
        for (String body : bodies) {
            var answer = send("POST", "/streams/fuzz-1", body);

            String shown = body.substring(0, Math.min(body.length(), 40));
            assertThat(answer.status()).as(shown).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("error").asText()).as(shown).isEqualTo("malformed_json");
            assertThat(error.path("message").asText())
                    .as(shown)
                    .startsWith("the body is not valid JSON: ")
                    .doesNotContain("Source:", "REDACTED", "`", "Feature", "StreamReadConstraints");
        }
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void digits_of_other_scripts_in_a_number_are_refused_not_read_as_that_number() throws IOException {
        // Found by the command line's fuzzer as "--expected-version ١" (read as 1); the API's parameters
        // were parsed the same way, so "?limit=١" read one event.
        store.append(
                "fuzz-1", dev.annals.store.ExpectedVersion.any(), CounterEvent.counted(1), CounterEvent.counted(2));
        for (String target : List.of(
                "/streams/fuzz-1?limit=%D9%A1",
                "/streams/fuzz-1?from=%EF%BC%91", "/streams/$all?from=%E0%A5%A7", "/subscriptions/$all?from=%D9%A1")) {
            var answer = send("GET", target, "");

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("error").asText())
                    .as(target)
                    .isEqualTo("invalid_parameter");
        }
    }
}
