package dev.annals.server.internal.live;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Opens a Server-Sent Events response and hands its client to a consumer, as Javalin's {@code SseHandler}
 * does, but whatever the {@code Accept} header: Javalin's answers an empty 200 unless the header is exactly
 * {@code text/event-stream}, so {@code curl -N} (which sends {@code *}{@code /*}) received nothing. Which
 * headers are acceptable is decided before this runs ({@link EventStreamAccept}).
 */
final class EventStreamHandler implements Handler {

    private final Consumer<SseClient> clients;

    EventStreamHandler(Consumer<SseClient> clients) {
        this.clients = requireNonNull(clients, "clients");
    }

    @Override
    public void handle(Context ctx) throws Exception {
        var response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(EventStreamAccept.MEDIA_TYPE);
        response.addHeader("Connection", "close");
        response.addHeader("Cache-Control", "no-cache");
        response.addHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        // No timeout: the stream lasts until the client leaves or the server closes it.
        ctx.async(config -> config.timeout = 0, () -> clients.accept(new SseClient(ctx)));
    }
}
