package dev.annals.server.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A well-behaved client that keeps appending to its own stream with exact expected versions and reading
 * each event back while the fuzzer runs beside it: none of its requests may fail, and its stream must end
 * up holding exactly what it was told was appended.
 */
public final class SteadyClient implements AutoCloseable {

    /** The only stream it writes; the fuzzer never names it. */
    public static final String STREAM = "steady-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** Starts appending at {@code base}, sending {@code token} when it is not empty. */
    public SteadyClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.thread = Thread.ofPlatform().name("steady-client").start(this::run);
    }

    private void run() {
        try {
            while (running.get() && failures.isEmpty()) {
                UUID id = UUID.randomUUID();
                int version = acknowledged.size();
                String body = "{\"expectedVersion\":" + (version - 1) + ",\"events\":[{\"eventId\":\"" + id
                        + "\",\"type\":\"Ticked\",\"data\":{\"n\":" + version + "}}]}";
                var appended = send(request("streams/" + STREAM)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                if (appended.statusCode() != 201 && appended.statusCode() != 200) {
                    failures.add("append of version " + version + " answered " + appended.statusCode() + ": "
                            + appended.body());
                    return;
                }
                acknowledged.add(id);
                var read = send(request("streams/" + STREAM + "?from=" + version + "&limit=1")
                        .GET());
                var events = JSON.readTree(read.body()).path("events");
                if (read.statusCode() != 200
                        || !events.path(0).path("eventId").asText().equals(id.toString())) {
                    failures.add(
                            "reading version " + version + " back answered " + read.statusCode() + ": " + read.body());
                }
            }
        } catch (IOException e) {
            failures.add("a request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of the events the server acknowledged, in the order they were appended. */
    public List<UUID> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** What went wrong for this client; empty when the fuzzing beside it did not disturb it. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops after the request in flight and waits for it. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        stopped.await();
        http.close();
    }
}
