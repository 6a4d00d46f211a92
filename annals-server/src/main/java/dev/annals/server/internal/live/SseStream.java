package dev.annals.server.internal.live;

import dev.annals.server.internal.auth.Caller;
import io.javalin.http.sse.SseClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire of one SSE client: whole batches of frames written and flushed at once, and heartbeats, one
 * writer at a time.
 *
 * <p>Javalin's {@code SseClient.sendEvent} writes and flushes each event on its own, through a fresh
 * reader of its data; a batch written in one go costs one flush. A failed write closes the client, which
 * ends its subscription. The stream belongs to its caller: once the caller's token is revoked, the
 * stream ends with a {@code revoked} message.
 */
final class SseStream {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REVOKED = ("event: revoked\ndata: {\"error\":\"invalid_token\",\"message\":"
                    + "\"the bearer token of this subscription was revoked\"}\n\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final SseClient client;
    private final Caller caller;

    SseStream(SseClient client, Caller caller) {
        this.client = client;
        this.caller = caller;
    }

    SseClient client() {
        return client;
    }

    /** True when events of {@code stream} may be sent on this stream. */
    boolean sees(String stream) {
        return caller.sees(stream);
    }

    /**
     * Ends the stream, with a {@code revoked} message, when its caller's credentials were revoked. Ending it
     * closes its subscription (the client's close callback).
     *
     * @return true when this call ended the stream
     */
    synchronized boolean endIfRevoked() {
        if (client.terminated() || caller.live()) {
            return false;
        }
        var frame = new ByteArrayOutputStream(REVOKED.length);
        frame.writeBytes(REVOKED);
        send(frame);
        client.close();
        LOG.info("ended a live subscription of {}: its token was revoked", caller);
        return true;
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
