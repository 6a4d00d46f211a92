package dev.annals.server.internal.live;

import dev.annals.server.internal.auth.Caller;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.HttpOutput;

/**
 * The wire of one SSE client, written by its {@link SseSubscriber} alone: frames are written into the
 * response's own buffer and sent with one flush per batch. Nothing else writes to it, so a client whose
 * socket is full blocks only its own (virtual) thread. A failed write closes the client.
 */
final class SseStream {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REVOKED = ("event: revoked\ndata: {\"error\":\"invalid_token\",\"message\":"
                    + "\"the bearer token of this subscription was revoked\"}\n\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final SseClient client;
    private final Caller caller;
    private HttpServletResponse response;
    private ServletOutputStream out;

    SseStream(SseClient client, Caller caller) {
        this.client = client;
        this.caller = caller;
    }

    SseClient client() {
        return client;
    }

    Caller caller() {
        return caller;
    }

    /** True once the client has gone or was closed. */
    boolean closed() {
        return client.terminated();
    }

    /** Adds {@code frame} to the batch being written; may block while the client's socket is full. */
    void write(byte[] frame) throws IOException {
        output().write(frame);
    }

    private ServletOutputStream output() throws IOException {
        if (out == null) {
            response = client.ctx().res();
            out = response.getOutputStream();
        }
        return out;
    }

    /**
     * Sends {@code piece} (a round's frames, shared with other clients) at once and as it is: one system
     * call, neither copied into the response's buffer nor cut into pieces of its size (Jetty's
     * {@code write(byte[])} sends a large array a buffer's size at a time). May block while the socket is full.
     */
    void send(byte[] piece) throws IOException {
        if (output() instanceof HttpOutput jetty) {
            jetty.write(ByteBuffer.wrap(piece));
        } else {
            out.write(piece);
            flush();
        }
    }

    /** Sends what was written since the last flush. */
    void flush() throws IOException {
        if (response != null) {
            response.flushBuffer();
        }
    }

    /** A comment that finds a client that went away while no event was sent. */
    void heartbeat() throws IOException {
        write(HEARTBEAT);
        flush();
    }

    /** Ends the stream with a {@code revoked} message. */
    void endRevoked() {
        end(REVOKED);
    }

    /** Ends the stream with {@code frame}, as far as the client still takes it. */
    void end(byte[] frame) {
        try {
            write(frame);
            flush();
        } catch (IOException e) {
            // Gone already: it is closed below all the same.
        }
        client.close();
    }
}
