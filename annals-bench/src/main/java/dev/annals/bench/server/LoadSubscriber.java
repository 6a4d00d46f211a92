package dev.annals.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One SSE subscriber of a load run: reads {@code $all} from a position, checks that event ids come one
 * after the other, and records each event's delivery latency from the send time carried in its data.
 */
final class LoadSubscriber implements AutoCloseable {

    private static final Pattern SENT = Pattern.compile("\"t\":(\\d+)");

    private final long expected;
    private final Histogram latencies = new Histogram(3);
    private final CountDownLatch done = new CountDownLatch(1);
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile long lastId;
    private volatile long received;
    private volatile boolean inOrder = true;

    LoadSubscriber(HttpClient client, URI server, long from, long expected) {
        this.expected = expected;
        this.lastId = from - 1;
        var request = HttpRequest.newBuilder(server.resolve("subscriptions/$all?from=" + from))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofDays(1))
                .GET()
                .build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(reply -> Thread.ofVirtual().name("load-subscriber").start(() -> read(reply.body())));
    }

    private void read(Stream<String> lines) {
        try (lines) {
            var iterator = lines.iterator();
            while (received < expected && iterator.hasNext()) {
                String line = iterator.next();
                if (line.startsWith("id:")) {
                    long id = Long.parseLong(line.substring(3).strip());
                    if (id != lastId + 1) {
                        inOrder = false;
                    }
                    lastId = id;
                } else if (line.startsWith("data:")) {
                    var sent = SENT.matcher(line);
                    if (sent.find()) {
                        latencies.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(sent.group(1))));
                    }
                    received++;
                }
            }
        } catch (RuntimeException e) {
            // The stream ended or was closed: what was received is reported.
        } finally {
            done.countDown();
        }
    }

    /** Waits up to {@code timeout} for every expected event; true when they all arrived. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && received >= expected;
    }

    boolean complete() {
        return received >= expected;
    }

    boolean inOrder() {
        return inOrder;
    }

    long received() {
        return received;
    }

    /** The delivery latencies in nanoseconds; read once the subscriber is done. */
    Histogram latencies() {
        return latencies;
    }

    @Override
    public void close() {
        response.thenAccept(reply -> reply.body().close());
        response.cancel(true);
    }
}
