package dev.annals.bench.http;

import java.net.http.HttpRequest;
import java.util.Locale;

/**
 * The three requests of the HTTP benchmark. The health route is the yardstick: the server's cheapest request
 * that still reads the store, so the other two are reported as a share of its rate in the same run.
 */
public enum HttpRoute {
    /** {@code GET /health/ready}: readiness, one read of the head position. */
    HEALTH("GET /health/ready"),
    /** {@code POST /streams/{stream}} of one event, each request to a stream of its own. */
    APPEND("POST /streams/{stream}, one event to a new stream each"),
    /** {@code GET /streams/{stream}} of a stream of {@value HttpTarget#SHORT_STREAM_EVENTS} events. */
    READ("GET /streams/{stream}, a stream of " + HttpTarget.SHORT_STREAM_EVENTS + " events");

    private final String description;

    HttpRoute(String description) {
        this.description = description;
    }

    /** What the route does, for the report. */
    public String description() {
        return description;
    }

    /** Its name in the report and in {@code --routes}: health, append, read. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code n}th request of {@code worker} on this route against {@code target}; an append names its
     * stream after {@code appendPrefix} ({@link HttpTarget#nextAppendPrefix()}).
     */
    HttpRequest request(HttpTarget target, String appendPrefix, int worker, long n) {
        return switch (this) {
            case HEALTH ->
                HttpRequest.newBuilder(target.resolve("health/ready")).build();
            case READ ->
                HttpRequest.newBuilder(target.resolve("streams/" + target.shortStream()))
                        .build();
            case APPEND ->
                HttpRequest.newBuilder(target.resolve("streams/" + appendPrefix + worker + "-" + n))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(target.appendBody()))
                        .build();
        };
    }

    /** The path of its request in a load tool's script (wrk, autocannon); appends add to it. */
    String path(HttpTarget target, String appendPrefix) {
        return switch (this) {
            case HEALTH -> "/health/ready";
            case READ -> "/streams/" + target.shortStream();
            case APPEND -> "/streams/" + appendPrefix;
        };
    }
}
