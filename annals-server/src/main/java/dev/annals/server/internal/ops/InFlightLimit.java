package dev.annals.server.internal.ops;

import dev.annals.server.internal.error.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A bounded number of requests in flight: one more is refused at once with a 429 rather than queued,
 * so an overloaded server sheds load instead of piling up memory and latency. Live subscriptions and
 * health probes are not counted: they are long-lived or must answer under load.
 */
public final class InFlightLimit {

    private static final String HELD = "annals.inflight.held";

    private final int limit;
    private final Semaphore permits;

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the in-flight limit must be 1 or more, was " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** Registers the before and after handlers on {@code app}. */
    public void install(Javalin app) {
        app.before(this::acquire);
        app.after(InFlightLimit::release);
    }

    /**
     * Gives back the permit {@code ctx}'s request holds, if any; once only. Called after every request, and
     * before a short answer that a route sends itself, so that the answer never reaches the client while its
     * request still counts: a client at the limit that sends its next request at once is not refused.
     */
    public static void release(Context ctx) {
        if (ctx.attribute(HELD) instanceof InFlightLimit holder) {
            ctx.attribute(HELD, null);
            holder.permits.release();
        }
    }

    private void acquire(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/subscriptions/") || path.startsWith("/health/")) {
            return;
        }
        if (!permits.tryAcquire()) {
            throw new ApiException(
                    429,
                    "overloaded",
                    "the server has " + limit + " requests in flight already; retry shortly",
                    Map.of("limit", limit));
        }
        ctx.attribute(HELD, this);
    }
}
