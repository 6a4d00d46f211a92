package dev.annals.bench.server;

import dev.annals.bench.Latency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Loads a running Annals server over loopback HTTP: SSE subscribers on {@code $all} from the current head,
 * appending clients on streams of their own (one event per request, each carrying its send time), and a
 * health probe every 50 ms, then reports what every subscriber received. Used by {@code annals bench
 * server-load} and by the load test; the store should see no other writer during the run, or the order
 * check (each event id is the previous one plus one) fails.
 */
public final class ServerLoad {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLoad.class);
    private static final Pattern HEAD = Pattern.compile("\"headPosition\":(\\d+)");
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);

    private final URI server;
    private final ServerLoadOptions options;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final OptionalLong serverPid;

    /** A run against the server at {@code server} (such as {@code http://127.0.0.1:2113/}). */
    public ServerLoad(URI server, ServerLoadOptions options) {
        this(server, options, OptionalLong.empty());
    }

    /**
     * A run against the server at {@code server}, whose process {@code serverPid} (when given, a process
     * other than this one) is measured for memory before the subscribers connect, once they have, and after
     * the run.
     */
    public ServerLoad(URI server, ServerLoadOptions options, OptionalLong serverPid) {
        this.server = requireNonNull(server, "server");
        this.options = requireNonNull(options, "options");
        this.serverPid = requireNonNull(serverPid, "serverPid");
    }

    /** Runs the load and reports it; gives up waiting after the options' timeout. */
    public ServerLoadResult run() throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long from = head() + 1;
        var subscribers = new ArrayList<LoadSubscriber>();
        var latencies = new DeliveryLatencies();
        var probe = new HealthProbe();
        Thread prober = Thread.ofVirtual().name("load-health").start(probe);
        try {
            var idle = footprint();
            for (int i = 0; i < options.subscribers(); i++) {
                subscribers.add(new LoadSubscriber(server, from, options.events(), i, latencies));
            }
            for (var subscriber : subscribers) {
                subscriber.awaitConnected(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            var connected = footprint();
            LOG.info(
                    "server load: {} subscribers from position {}, {} appenders x {} events",
                    options.subscribers(),
                    from,
                    options.appenders(),
                    options.eventsPerAppender());
            var cpuBefore = CpuUse.now(serverPid);
            long started = System.nanoTime();
            var acknowledged = new Histogram(DeliveryLatencies.HIGHEST, 3);
            long failures = append(acknowledged);
            Duration appendTime = Duration.ofNanos(System.nanoTime() - started);
            for (var subscriber : subscribers) {
                subscriber.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            long lastArrival = subscribers.stream()
                    .mapToLong(LoadSubscriber::lastArrival)
                    .max()
                    .orElse(started);
            var cpu = CpuUse.now(serverPid).since(cpuBefore);
            var memory = footprint()
                    .flatMap(after -> idle.flatMap(before -> connected.map(
                            during -> new SubscriberMemory(options.subscribers(), before, during, after))));
            return result(
                    subscribers,
                    latencies.all(),
                    failures,
                    appendTime,
                    Duration.ofNanos(Math.max(0, lastArrival - started)),
                    cpu,
                    memory,
                    probe.stop(prober),
                    acknowledged);
        } finally {
            probe.stop(prober);
            subscribers.forEach(LoadSubscriber::close);
        }
    }

    private Optional<ServerFootprint> footprint() throws InterruptedException {
        return serverPid.isPresent()
                        && serverPid.getAsLong() != ProcessHandle.current().pid()
                ? ServerFootprint.of(serverPid.getAsLong())
                : Optional.empty();
    }

    private ServerLoadResult result(
            List<LoadSubscriber> subscribers,
            Histogram delivery,
            long failures,
            Duration appendTime,
            Duration deliveryTime,
            CpuUse cpu,
            Optional<SubscriberMemory> memory,
            HealthProbe probe,
            Histogram acknowledged) {
        int complete = 0;
        int outOfOrder = 0;
        long delivered = 0;
        var ended = new TreeMap<String, Integer>();
        for (var subscriber : subscribers) {
            delivered += subscriber.received();
            if (!subscriber.ended().isEmpty()) {
                ended.merge(subscriber.ended(), 1, Integer::sum);
            }
            complete += subscriber.complete() ? 1 : 0;
            outOfOrder += subscriber.inOrder() ? 0 : 1;
        }
        return new ServerLoadResult(
                options,
                failures,
                appendTime,
                delivered,
                deliveryTime,
                cpu,
                ended,
                memory,
                complete,
                outOfOrder,
                latency(delivery),
                latency(acknowledged),
                probe.checks.get(),
                probe.failures.get(),
                Duration.ofNanos(probe.slowest.get()));
    }

    private static Latency latency(Histogram nanos) {
        return nanos.getTotalCount() == 0
                ? new Latency(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                : Latency.of(nanos);
    }

    /**
     * Appends every event of the run; {@code acknowledged} gets each append's time from its send time to its
     * answer, the part of a delivery's latency that is the append's own.
     */
    private long append(Histogram acknowledged) throws InterruptedException {
        var failures = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String pad = "x".repeat(Math.max(0, options.payloadBytes() - 30));
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int a = 0; a < options.appenders(); a++) {
            var uri = server.resolve("streams/load-" + run + "-" + a);
            int appender = a;
            threads.add(Thread.ofVirtual().name("load-appender-" + a).start(() -> {
                for (int e = 0; e < options.eventsPerAppender(); e++) {
                    long sent = sendTime(start, (long) e * options.appenders() + appender);
                    String body = "{\"events\":[{\"type\":\"LoadTested\",\"data\":{\"t\":" + sent + ",\"pad\":\"" + pad
                            + "\"}}]}";
                    if (send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))) != 200) {
                        failures.incrementAndGet();
                    }
                    long answered = System.nanoTime();
                    synchronized (acknowledged) {
                        acknowledged.recordValue(Math.clamp(answered - sent, 0, DeliveryLatencies.HIGHEST));
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return failures.get();
    }

    /**
     * The time append number {@code n} of the run counts from: now, or with a rate its due time, waited for
     * when early (a late append's latency includes its lateness, so a slow server is not measured kindly).
     */
    private long sendTime(long start, long n) {
        if (options.rate() == 0) {
            return System.nanoTime();
        }
        long due = start + n * 1_000_000_000L / options.rate();
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }

    private long head() {
        var request = HttpRequest.newBuilder(server.resolve("streams/$all?direction=backward&limit=1"));
        try {
            var response =
                    client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            var matcher = HEAD.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("the server at " + server + " did not give its head position: "
                        + response.statusCode() + " " + response.body());
            }
            return Long.parseLong(matcher.group(1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the server at " + server + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + server + " for its head", e);
        }
    }

    private int send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            LOG.warn("server load: {} failed: {}", request.build().uri(), e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Asks {@code /health/ready} every 50 ms until stopped. */
    private final class HealthProbe implements Runnable {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong slowest = new AtomicLong();

        @Override
        public void run() {
            var request = HttpRequest.newBuilder(server.resolve("health/ready"));
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                int status = send(request);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                checks.incrementAndGet();
                failures.addAndGet(status == 200 ? 0 : 1);
                try {
                    Thread.sleep(PROBE_INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        HealthProbe stop(Thread prober) {
            prober.interrupt();
            try {
                prober.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }
    }
}
