package dev.annals.bench.http;

import java.time.Duration;

/** A load generator: keeps a fixed number of connections busy with one route's requests for a while. */
interface LoadTool {

    /** Its name in the report, such as {@code jdk} or {@code wrk}. */
    String name();

    /** Loads {@code route} for {@code duration} and says what it measured. */
    RouteRate load(HttpRoute route, Duration duration) throws InterruptedException;
}
