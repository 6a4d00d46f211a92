package dev.annals.client.internal;

import dev.annals.client.ApiErrorException;
import dev.annals.store.EventStoreException;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadListeners;
import dev.annals.store.HeadNotifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Head notifications for a client, from the server's own live stream: while anyone listens, one connection
 * to {@code /subscriptions/$all} (Server-Sent Events) tells the listeners the position of every event the
 * server commits, so that subscriptions over the client wake at once instead of at their next poll.
 *
 * <p>Listeners first learn the head as it is when the stream connects (so that an append made while it was
 * connecting is not missed), then each new position. A dropped connection is opened again after the reconnect
 * delay, resuming after the last position seen; meanwhile subscriptions poll, as they always can. A server
 * that refuses the stream (a token that may not read {@code $all}, a server without it) is not asked again:
 * subscriptions then poll only. Notifications carry no events, so a missed one delays a reader, never
 * makes it skip one.
 */
public final class LiveHead implements HeadNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHead.class);
    private static final String ALL = "subscriptions/%24all";

    private final Transport transport;
    private final Duration reconnectDelay;
    private final HeadListeners listeners = new HeadListeners();
    private Thread follower;
    private InputStream open;
    private boolean refused;
    private boolean closed;

    public LiveHead(Transport transport, Duration reconnectDelay) {
        this.transport = requireNonNull(transport, "transport");
        this.reconnectDelay = requireNonNull(reconnectDelay, "reconnectDelay");
    }

    @Override
    public synchronized void addHeadListener(HeadListener listener) {
        listeners.addHeadListener(listener);
        if (follower == null && !refused && !closed) {
            follower = Thread.ofVirtual().name("annals-client-live-head").start(this::follow);
        }
    }

    @Override
    public synchronized void removeHeadListener(HeadListener listener) {
        listeners.removeHeadListener(listener);
        if (listeners.isEmpty()) {
            stopFollowing();
        }
    }

    /** True while a follower runs (connected or waiting to reconnect). */
    public synchronized boolean following() {
        return follower != null;
    }

    /** Stops following the server; later listeners are not told anything. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        stopFollowing();
    }

    private void stopFollowing() {
        if (follower != null) {
            follower.interrupt();
            closeQuietly(open);
            follower = null;
        }
    }

    private void follow() {
        long seen = -1;
        while (stillFollowing()) {
            try {
                if (seen < 0) {
                    seen = transport.get("health/ready").get("headPosition").asLong();
                    listeners.fire(seen);
                }
                seen = read(transport.openEvents(ALL, seen), seen);
            } catch (ApiErrorException refusal) {
                if (refusal.status() < 500) {
                    giveUp(refusal);
                    return;
                }
                LOG.debug(
                        "live head of {}: the server answered {}; trying again", transport.baseUri(), refusal.status());
            } catch (EventStoreException | IOException lost) {
                LOG.debug(
                        "live head of {}: connection lost after position {}: {}",
                        transport.baseUri(),
                        seen,
                        lost.toString());
            }
            if (!pause()) {
                return;
            }
        }
    }

    /** Reads {@code events} until it ends, telling listeners each position; returns the last one seen. */
    private long read(InputStream events, long seen) throws IOException {
        synchronized (this) {
            if (!stillFollowingLocked()) {
                closeQuietly(events);
                return seen;
            }
            open = events;
        }
        long last = seen;
        try (var lines = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // The id of each SSE message is the event's global position: all a head notification needs.
                if (line.startsWith("id:")) {
                    last = position(line, last);
                    listeners.fire(last);
                }
            }
        }
        return last;
    }

    private static long position(String idLine, long last) {
        try {
            return Math.max(last, Long.parseLong(idLine.substring(3).strip()));
        } catch (NumberFormatException e) {
            return last;
        }
    }

    private synchronized void giveUp(ApiErrorException refusal) {
        refused = true;
        follower = null;
        LOG.info(
                "the Annals server at {} refused its live stream ({}): subscriptions over this client poll instead",
                transport.baseUri(),
                refusal.getMessage());
    }

    private boolean pause() {
        try {
            Thread.sleep(reconnectDelay);
            return true;
        } catch (InterruptedException e) {
            // Interrupted by stopFollowing(): the listeners are gone.
            return false;
        }
    }

    private synchronized boolean stillFollowing() {
        return stillFollowingLocked();
    }

    private boolean stillFollowingLocked() {
        return follower == Thread.currentThread() && !closed;
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing only ends the connection; nothing is lost.
            }
        }
    }
}
