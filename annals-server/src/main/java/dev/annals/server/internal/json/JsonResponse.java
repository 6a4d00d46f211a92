package dev.annals.server.internal.json;

import dev.annals.server.internal.ops.InFlightLimit;
import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a JSON body that {@link JsonBody} wrote as the answer to a request.
 *
 * <p>Javalin sends a {@code result} by copying it through a fresh 32 KiB buffer, allocated for every response:
 * under appends that buffer was half of the bytes the server allocated, for answers of about a hundred bytes. A
 * body under Javalin's compression threshold (which Javalin would send uncompressed) is written straight to the
 * servlet's stream with its length, in one write that sends headers and body together; a longer body goes through
 * Javalin as before, which compresses it when the client accepts that.
 */
public final class JsonResponse {

    private static final Logger LOG = LoggerFactory.getLogger(JsonResponse.class);

    /** Javalin's default {@code minSizeForCompression}: a shorter body is never compressed. */
    static final int DIRECT_BELOW = 1500;

    private JsonResponse() {}

    /**
     * Answers {@code ctx} with the JSON {@code writer} writes, with the status already set.
     *
     * <p>A short body is sent before Javalin's after-handlers run, so they must not change the status or headers
     * (none does: they time the request and release its in-flight permit, which is released here first, as it was
     * before Javalin wrote an answer). A connection that fails while it is written is logged at debug level, as
     * Javalin logs a client that leaves before its answer.
     */
    public static void send(Context ctx, JsonBody.Writer writer) {
        byte[] body = JsonBody.write(writer);
        ctx.contentType("application/json");
        if (body.length >= DIRECT_BELOW) {
            ctx.result(body);
            return;
        }
        InFlightLimit.release(ctx);
        var response = ctx.res();
        // With its length stated, Jetty sends the response as complete once these bytes are written.
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // The client left (or its connection broke): nobody is left to tell, and Jetty closes the connection.
            LOG.debug("the answer to {} {} could not be written: {}", ctx.method(), ctx.path(), e.toString());
        }
    }
}
