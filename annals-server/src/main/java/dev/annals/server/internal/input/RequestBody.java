package dev.annals.server.internal.input;

import io.javalin.http.Context;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;

/**
 * A request body read whole, into an array of its stated length.
 *
 * <p>Javalin's {@code bodyAsBytes()} copies the body through an 8 KiB buffer into a stream that starts at
 * 8 KiB and then into a third array: 16 KiB of garbage for a 250-byte append, which made up a quarter of the
 * server's allocation under appends. A body that states its {@code Content-Length} within the limit is read
 * straight into one array of that length; any other (chunked, or not behind {@link BodyLimit}) is read by
 * Javalin as before.
 */
public final class RequestBody {

    /** The longest array the JDK allocates; a longer body (only under a limit above it) is Javalin's to read. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RequestBody() {}

    /**
     * The body of {@code ctx}'s request.
     *
     * @throws BodyTooLargeException when it states a length over the limit, before reading any of it
     * @throws IOException             when the connection fails while it is read, as Javalin's reading throws
     */
    public static byte[] bytes(Context ctx) throws IOException {
        var request = ctx.req();
        long length = request.getContentLengthLong();
        var bounded = bounded(request);
        if (length < 0 || length > MAX_ARRAY || bounded == null) {
            return ctx.bodyAsBytes();
        }
        if (length > bounded.maxBytes()) {
            throw new BodyTooLargeException(bounded.maxBytes());
        }
        // Reads into one array of that length, through the counting stream; a body that ends early comes back shorter.
        return request.getInputStream().readNBytes((int) length);
    }

    /** The {@link BoundedRequest} that {@code request} is or wraps (Jetty wraps it again), or null. */
    private static BoundedRequest bounded(ServletRequest request) {
        for (var current = request; current instanceof ServletRequestWrapper wrapper; current = wrapper.getRequest()) {
            if (wrapper instanceof BoundedRequest bounded) {
                return bounded;
            }
        }
        return null;
    }
}
