package dev.annals.server.internal.input;

import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.error.ErrorResponses;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The largest request body the server reads, enforced while reading whatever the transfer encoding.
 *
 * <p>Javalin's own limit compares the {@code Content-Length} header only, so a chunked body (which has
 * none) was read whole into memory, however large. Here every request's input stream counts its bytes and
 * fails at the first byte over the limit: the request is answered 413 and the rest of the body is never
 * read (Jetty closes the connection rather than drain it).
 */
public final class BodyLimit {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the body limit must be 1 byte or more, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Puts the counting filter in front of Javalin's servlet, and keeps Javalin's check by length. */
    public void configure(JavalinConfig config) {
        config.http.maxRequestSize = maxBytes;
        Filter filter = this::filter;
        config.jetty.modifyServletContextHandler(
                handler -> handler.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
    }

    /** Answers a body over the limit with a 413 that states the limit. */
    public void install(Javalin app) {
        app.exception(BodyTooLargeException.class, (e, ctx) -> {
            // Without it Jetty would read and discard the rest of the body to keep the connection for reuse.
            ctx.header("Connection", "close");
            ErrorResponses.write(
                    ctx,
                    new ApiException(
                            413,
                            "body_too_large",
                            "the request body is larger than" + " the server accepts: at most " + maxBytes + " bytes",
                            Map.of("limit", maxBytes)));
        });
    }

    private void filter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            chain.doFilter(new BoundedRequest(http, maxBytes), response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
