package dev.annals.server.internal.live;

import io.javalin.http.sse.SseClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire of one SSE client: whole batches of frames written and flushed at once, and heartbeats, one
 * writer at a time.
 *
 * <p>Javalin's {@code SseClient.sendEvent} writes and flushes each event on its own, through a fresh
 * reader of its data; a batch written in one go costs one flush. A failed write closes the client, which
 * ends its subscription.
 */
final class SseStream {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final SseClient client;

    SseStream(SseClient client) {
        this.client = client;
    }

    SseClient client() {
        return client;
    }

    /** Writes {@code frames} and flushes; false when the client is gone (and now closed). */
    synchronized boolean send(ByteArrayOutputStream frames) {
        if (client.terminated()) {
            return false;
        }
        try {
            var response = client.ctx().res();
            frames.writeTo(response.getOutputStream());
            response.flushBuffer();
            return true;
        } catch (IOException e) {
            client.close();
            return false;
        }
    }

    /** A comment that finds a client that went away while no event was sent. */
    void heartbeat() {
        var frame = new ByteArrayOutputStream(HEARTBEAT.length);
        frame.writeBytes(HEARTBEAT);
        send(frame);
    }
}
