package dev.annals.server.internal.ops;

import static java.util.Objects.requireNonNull;

import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.EventReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness ({@code /health/live}: the process answers) and readiness ({@code /health/ready}: the store
 * answers a read). Neither needs a token, so orchestrators can probe them.
 */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final EventReader store;

    public HealthRoutes(EventReader store) {
        this.store = requireNonNull(store, "store");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.get("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"up\"}"));
        app.get("/health/ready", this::ready);
    }

    private void ready(Context ctx) {
        var node = ApiJson.MAPPER.createObjectNode();
        try {
            long head = store.headPosition();
            node.put("status", "ready");
            node.put("headPosition", head);
            ctx.status(200);
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed: the store did not answer", e);
            node.put("status", "not_ready");
            node.put("message", String.valueOf(e.getMessage()));
            ctx.status(503);
        }
        ctx.contentType("application/json").result(node.toString());
    }
}
