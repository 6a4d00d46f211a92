package dev.annals.bench.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The load generator of this JVM: {@code connections} virtual threads share one JDK {@link HttpClient}
 * (HTTP/1.1, so it keeps as many keep-alive connections as requests in flight), each sending its next
 * request as soon as the last is answered. Latency is from sending to the end of the answer's body.
 */
final class JdkLoad implements LoadTool {

    private final HttpClient client;
    private final HttpTarget target;
    private final int connections;

    JdkLoad(HttpClient client, HttpTarget target, int connections) {
        this.client = client;
        this.target = target;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public RouteRate load(HttpRoute route, Duration duration) throws InterruptedException {
        var failures = new AtomicLong();
        var histograms = new ArrayList<Histogram>();
        var workers = new ArrayList<Thread>();
        String appendPrefix = target.nextAppendPrefix();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            var latencies = new Histogram(3);
            histograms.add(latencies);
            workers.add(Thread.ofVirtual().name("http-bench-" + w).start(() -> {
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    var request = route.request(target, appendPrefix, worker, n);
                    long sent = System.nanoTime();
                    if (send(request)) {
                        latencies.recordValue(System.nanoTime() - sent);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - started;
        var all = new Histogram(3);
        histograms.forEach(all::add);
        return new RouteRate(
                route,
                "jdk",
                all.getTotalCount(),
                failures.get(),
                Duration.ofNanos(elapsed),
                Duration.ofNanos(all.getValueAtPercentile(50)),
                Duration.ofNanos(all.getValueAtPercentile(99)),
                Optional.empty());
    }

    private boolean send(java.net.http.HttpRequest request) {
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
