package dev.annals.bench.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One SSE subscriber of a load run: reads {@code $all} from a position over a plain socket on a virtual
 * thread, checks that event ids come one after the other, and records each event's delivery latency from
 * the send time ({@code "t":}, this process's {@code System.nanoTime()}) carried in its data. A raw socket
 * rather than {@code java.net.http}: a thousand of them must cost the load generator less than they cost
 * the server.
 */
final class LoadSubscriber implements EventStreamScanner.Lines, AutoCloseable {

    private static final byte[] SENT = "\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_BYTES = 16 * 1024;

    private final long expected;
    private final int number;
    private final DeliveryLatencies latencies;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Socket socket = new Socket();
    private volatile long lastId;
    private volatile long received;
    private volatile long lastArrival;
    private volatile boolean inOrder = true;
    private volatile String ended = "";

    /** Subscriber {@code number} of a run, recording into {@code latencies}. */
    LoadSubscriber(URI server, long from, long expected, int number, DeliveryLatencies latencies) {
        this.expected = expected;
        this.number = number;
        this.latencies = latencies;
        this.lastId = from - 1;
        Thread.ofVirtual().name("load-subscriber").start(() -> read(server, from));
    }

    private void read(URI server, long from) {
        try (socket) {
            int port = server.getPort() == -1 ? 80 : server.getPort();
            socket.connect(new InetSocketAddress(server.getHost(), port), 10_000);
            String path = server.resolve("subscriptions/$all").getRawPath() + "?from=" + from;
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getAuthority()
                                    + "\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var scanner = new EventStreamScanner(this);
            var in = socket.getInputStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n > 0 && received < expected; n = in.read(buffer)) {
                scanner.accept(buffer, 0, n);
            }
            if (received < expected && ended.isEmpty()) {
                ended = "closed by the server";
            }
        } catch (IOException e) {
            // The stream ended or was closed: what was received is reported.
            if (received < expected && ended.isEmpty()) {
                ended = "connection lost: " + e.getMessage();
            }
        } finally {
            connected.countDown();
            done.countDown();
        }
    }

    @Override
    public void status(int code) {
        if (code != 200) {
            ended = "status " + code;
        }
        connected.countDown();
    }

    @Override
    public void id(long id) {
        if (!ended.isEmpty()) {
            return; // the id of a closing message such as "behind": where to resume, not an event
        }
        if (id != lastId + 1) {
            inOrder = false;
        }
        lastId = id;
    }

    @Override
    public void event(String name) {
        ended = name; // such as "behind": the server let this subscriber go
    }

    @Override
    public void data(byte[] line, int from, int to) {
        long now = System.nanoTime();
        int at = indexOf(line, from, to);
        if (at >= 0) {
            long sent = 0;
            for (int i = at + SENT.length; i < to && line[i] >= '0' && line[i] <= '9'; i++) {
                sent = sent * 10 + (line[i] - '0');
            }
            latencies.record(number, now - sent);
        }
        lastArrival = now;
        received++;
    }

    private static int indexOf(byte[] line, int from, int to) {
        for (int quote = ByteSearch.indexOf(line, from, to, (byte) '"');
                quote >= 0 && quote <= to - SENT.length;
                quote = ByteSearch.indexOf(line, quote + 1, to, (byte) '"')) {
            if (line[quote + 1] == SENT[1] && line[quote + 2] == SENT[2] && line[quote + 3] == SENT[3]) {
                return quote;
            }
        }
        return -1;
    }

    /** Waits until the server has answered the subscription (or refused it). */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
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

    /** When the last event arrived ({@code System.nanoTime()}), 0 before the first. */
    long lastArrival() {
        return lastArrival;
    }

    /** Why the server ended this subscription early (a non-200 status, an event such as "behind"), or "". */
    String ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
