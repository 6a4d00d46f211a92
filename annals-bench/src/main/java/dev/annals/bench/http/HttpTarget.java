package dev.annals.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The server a run loads and the names it writes there: one short stream to read, seeded first, and a
 * prefix of this run's own for the appended streams, so that a run against a server that already holds
 * data (with {@code --url}) appends only to new streams.
 */
public final class HttpTarget {

    /** The events of the stream the read route reads. */
    public static final int SHORT_STREAM_EVENTS = 8;

    private final URI base;
    private final String run;
    private final AtomicInteger loads = new AtomicInteger();
    private final byte[] appendBody;

    /**
     * @param base         the server's base URI, ending in {@code /}
     * @param payloadBytes the approximate size of each appended event's data
     */
    public HttpTarget(URI base, int payloadBytes) {
        this.base = requireNonNull(base, "base");
        this.run = Long.toString(System.currentTimeMillis(), 36);
        String pad = "x".repeat(Math.max(0, payloadBytes - 12));
        this.appendBody = ("{\"events\":[{\"type\":\"HttpBenched\",\"data\":{\"pad\":\"" + pad + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The server's base URI. */
    public URI base() {
        return base;
    }

    URI resolve(String relative) {
        return base.resolve(relative);
    }

    /** The stream the read route reads. */
    String shortStream() {
        return "http-bench-" + run + "-short";
    }

    /**
     * The start of the streams of one load of the append route, new at every call: the load's requests each
     * name a stream after it, and no load appends to the streams of an earlier one (its own warm-up, the other
     * tool's), so that every measured append creates a stream as the route's label says.
     */
    String nextAppendPrefix() {
        return "http-bench-" + run + "-" + loads.incrementAndGet() + "-";
    }

    /** The body of each append: one event. */
    byte[] appendBody() {
        return appendBody;
    }

    /**
     * Appends the short stream's events in one request.
     *
     * @throws IllegalStateException when the server does not take them
     */
    void seed(HttpClient client) throws InterruptedException {
        var events = new StringBuilder("{\"expectedVersion\":\"no_stream\",\"events\":[");
        for (int i = 0; i < SHORT_STREAM_EVENTS; i++) {
            events.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"HttpBenched\",\"data\":{\"n\":")
                    .append(i)
                    .append(",\"pad\":\"")
                    .append("x".repeat(100))
                    .append("\"}}");
        }
        events.append("]}");
        var request = HttpRequest.newBuilder(resolve("streams/" + shortStream()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(events.toString()))
                .build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the server at " + base + " refused the short stream's events: "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the server at " + base + " did not answer: " + e.getMessage(), e);
        }
    }
}
