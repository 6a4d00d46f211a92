package dev.annals.server.internal.relay;

import dev.annals.projection.RelayReport;
import dev.annals.projection.RelayReports;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.json.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /relays}: the relays run beside the server, with checkpoint, lag and publish rate; an empty
 * list when none runs. Needs a token that may read every stream, as the projections' status does.
 */
public final class RelayRoutes {

    private final RelayReports relays;
    private final Guard guard;

    public RelayRoutes(RelayReports relays, Guard guard) {
        this.relays = requireNonNull(relays, "relays");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        app.get("/relays", this::list);
    }

    private void list(Context ctx) {
        guard.require(ctx, Permission.READ, "$all");
        var node = ApiJson.MAPPER.createObjectNode();
        var array = node.putArray("relays");
        for (RelayReport report : relays.relays()) {
            var item = array.addObject();
            item.put("name", report.name());
            item.put("role", report.role());
            item.put("checkpoint", report.checkpoint());
            item.put("headPosition", report.headPosition());
            item.put("eventsBehind", report.eventsBehind());
            item.put("secondsBehind", report.secondsBehind());
            item.put("publishedPerSecond", report.publishedPerSecond());
            item.put("published", report.published());
            item.put("error", report.error());
            item.put("measuredAt", report.measuredAt().toString());
        }
        ctx.contentType("application/json").result(node.toString());
    }
}
