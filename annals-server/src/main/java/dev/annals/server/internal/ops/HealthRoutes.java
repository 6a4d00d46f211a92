package dev.annals.server.internal.ops;

import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.EventReader;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.WriterHealth;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Liveness ({@code /health/live}: the process answers) and readiness ({@code /health/ready}: the store
 * can write, when it can tell ({@link WriterHealth}), and answers a read; else 503 with a {@code reason}
 * such as {@code disk_full}). Neither needs a token, so orchestrators can probe them.
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
        var fault = store.capability(WriterHealth.class).flatMap(WriterHealth::writeFault);
        if (fault.isPresent()) {
            LOG.warn(
                    "readiness check failed: the store cannot write: {}",
                    fault.get().reason());
            node.put("status", "not_ready");
            node.put("reason", fault.get().reason().name().toLowerCase(Locale.ROOT));
            node.put("message", fault.get().getMessage());
            ctx.status(503)
                    .header("Retry-After", "5")
                    .contentType("application/json")
                    .result(node.toString());
            return;
        }
        try {
            long head = store.headPosition();
            node.put("status", "ready");
            node.put("headPosition", head);
            ctx.status(200);
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed: the store did not answer", e);
            node.put("status", "not_ready");
            node.put(
                    "reason",
                    e instanceof StoreUnavailableException unavailable
                            ? unavailable.reason().name().toLowerCase(Locale.ROOT)
                            : "store_failed");
            node.put(
                    "message",
                    e instanceof StoreUnavailableException
                            ? e.getMessage()
                            : "the store did not answer a read (the details are in the server's log)");
            ctx.status(503);
        }
        ctx.contentType("application/json").result(node.toString());
    }
}
