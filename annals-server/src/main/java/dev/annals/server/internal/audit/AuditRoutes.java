package dev.annals.server.internal.audit;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The integrity check over HTTP: {@code POST /audit/verify} runs the store's {@link AuditTrail} (as
 * {@code annals verify} does) and answers its report. A broken chain is a finding, not a failed request:
 * 200 with {@code intact: false}, the first broken position and what is wrong there. Needs the admin role,
 * since it reads the whole log and seals events.
 */
public final class AuditRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRoutes.class);

    private final Optional<AuditTrail> audit;
    private final Guard guard;

    public AuditRoutes(Optional<AuditTrail> audit, Guard guard) {
        this.audit = requireNonNull(audit, "audit");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        app.post("/audit/verify", this::verify);
    }

    private void verify(Context ctx) {
        guard.require(ctx, Permission.ADMIN, "");
        var trail = audit.orElseThrow(() -> new ApiException(
                501, "not_supported", "this server was started without its store's audit trail", Map.of()));
        AuditReport report = trail.verify();
        LOG.info(
                "audit over HTTP: intact {}, {} verified, {} newly sealed, head position {}",
                report.intact(),
                report.verified(),
                report.sealed(),
                report.headPosition());
        var node = ApiJson.MAPPER.createObjectNode();
        node.put("intact", report.intact());
        node.put("verified", report.verified());
        node.put("sealed", report.sealed());
        node.put("headPosition", report.headPosition());
        node.put("headHash", report.headHash());
        if (!report.intact()) {
            node.put("firstBroken", report.firstBroken().getAsLong());
            node.put("problem", report.problem());
        }
        ctx.contentType("application/json").result(node.toString());
    }
}
