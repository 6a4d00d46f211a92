package dev.annals.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.RecordedEvent;
import dev.annals.server.FuzzedServer;
import dev.annals.server.fuzz.FuzzRequest.Credential;
import dev.annals.server.fuzz.RawHttp.Answer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends generated requests, good and bad, to a real server on loopback, with tokens required and without,
 * while a well-behaved client appends beside them. Whatever arrives: never a 5xx or a dropped connection,
 * an error body that is the API's JSON and names nothing internal, no event written by a refused request,
 * and the well-behaved client undisturbed.
 *
 * <p>Each try sends a batch of {@code annals.fuzz.batch} requests (40 by default: 30 tries each of two properties,
 * 2,400 requests per run of the test suite); {@code scripts/fuzz-http} sets it for the full run of 100,000 and more.
 */
class HttpApiFuzzProperties {

    private static final long LIMIT = 256 * 1024;
    static final int TRIES = 30;
    static final String BATCH_PROPERTY = "annals.fuzz.batch";
    private static final int BATCH = Integer.getInteger(BATCH_PROPERTY, 40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FuzzRequests requests = new FuzzRequests(LIMIT);
    private FuzzedServer server;
    private RawHttp http;
    private InternalNames internals;
    private SteadyClient steady;
    private FuzzFigures figures;

    /** Starts the server at the property's first try: jqwik makes one instance per property. */
    private void startOnce(boolean tokens) {
        if (server != null) {
            return;
        }
        server = FuzzedServer.start(tokens, LIMIT);
        http = new RawHttp(server.host(), server.port());
        internals = new InternalNames(server.dataDirectory());
        String token = tokens
                ? server.header(Credential.ADMIN)
                        .replace("Authorization: Bearer ", "")
                        .strip()
                : "";
        steady = new SteadyClient(server.uri(), token);
        figures = new FuzzFigures("HTTP API, " + (tokens ? "tokens required" : "no tokens"));
    }

    @AfterProperty
    void stop() throws InterruptedException {
        if (server == null) {
            return;
        }
        try {
            steady.close();
            figures.report();
            assertThat(steady.failures())
                    .as("the well-behaved client's failures")
                    .isEmpty();
            assertThat(server.store().readStream(SteadyClient.STREAM).map(RecordedEvent::eventId))
                    .as("the well-behaved client's stream holds exactly what was acknowledged, in order")
                    .containsExactlyElementsOf(steady.acknowledged());
        } finally {
            server.close();
        }
    }

    @Provide
    Arbitrary<List<FuzzRequest>> batches() {
        return requests.requests().list().ofSize(BATCH);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void no_request_breaks_the_api_when_tokens_are_not_required(@ForAll("batches") List<FuzzRequest> batch) {
        startOnce(false);
        batch.forEach(this::sendAndCheck);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void no_request_breaks_the_api_when_tokens_are_required(@ForAll("batches") List<FuzzRequest> batch) {
        startOnce(true);
        batch.forEach(this::sendAndCheck);
    }

    private void sendAndCheck(FuzzRequest request) {
        long before = server.head();
        long started = System.nanoTime();
        Answer answer;
        try {
            answer = http.send(request, server.header(request.credential()));
        } catch (IOException e) {
            throw new AssertionError("no complete answer (" + e.getMessage() + ") to " + request, e);
        }
        long after = server.head();
        figures.took(System.nanoTime() - started, request);
        if (answer.status() == Answer.NO_ANSWER && request.oversized(LIMIT)) {
            // Refused while the client was still sending: the server closes; nothing more to check.
            figures.answered(413, "(closed while sending)", request);
            return;
        }
        figures.answered(answer.status(), errorCode(answer.body()).orElse(""), request);
        String context = request + "\n  answered " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as("status of " + context).isBetween(100, 499);
        if (answer.status() >= 400) {
            assertThat(internals.leakedBy(answer.body(), request))
                    .as("internal name in " + context)
                    .isEmpty();
            if (!request.method().equals("HEAD")) {
                assertThat(errorCode(answer.body()))
                        .as("JSON error body of " + context)
                        .isPresent();
            }
            assertThat(writtenBesidesSteady(before, after))
                    .as("events written by " + context)
                    .isEmpty();
        }
    }

    /** Events recorded between the two heads by anyone but the well-behaved client. */
    private List<String> writtenBesidesSteady(long before, long after) {
        if (after == before) {
            return List.of();
        }
        try (var events = server.store().readAll(before + 1)) {
            return events.takeWhile(event -> event.position() <= after)
                    .filter(event -> !event.stream().equals(SteadyClient.STREAM))
                    .map(event -> event.stream() + "@" + event.position())
                    .toList();
        }
    }

    private static Optional<String> errorCode(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null
                            && json.path("error").isTextual()
                            && json.path("message").isTextual()
                    ? Optional.of(json.get("error").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
