package dev.annals.server.internal.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What every request passes before a route sees it, in this order: the {@code Host} check (on a server
 * without authentication), the {@code Origin} check of state-changing requests, and authentication. So a
 * request without a valid token learns nothing from a route, not even that its parameters are wrong: it
 * gets a 401 first. Health probes pass unchecked; the console's files, metrics and the OpenAPI document
 * need no token.
 */
public final class RequestGate {

    /** The request attribute holding the authenticated {@link Caller}. */
    static final String CALLER = "annals.caller";

    private static final Set<String> PUBLIC = Set.of("/", "/console.js", "/console.css", "/metrics", "/openapi.json");

    private final Guard guard;
    private final OriginCheck origins;
    private final Optional<HostCheck> hosts;

    /**
     * @param guard          authenticates requests
     * @param allowedOrigins the origins of other front ends that may send state-changing requests
     * @param hostNames      the names a request's {@code Host} may give, when it must give one of them
     *                       (a server without authentication); empty to accept any
     */
    public RequestGate(Guard guard, Set<String> allowedOrigins, Optional<Set<String>> hostNames) {
        this.guard = requireNonNull(guard, "guard");
        this.origins = new OriginCheck(allowedOrigins);
        this.hosts = hostNames.map(HostCheck::new);
    }

    /** Registers the check on {@code app}, before every route. */
    public void install(Javalin app) {
        app.before(this::check);
    }

    private void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/health/")) {
            return;
        }
        hosts.ifPresent(check -> check.check(ctx));
        origins.check(ctx);
        if (PUBLIC.contains(path) || path.startsWith("/vendor/")) {
            return;
        }
        ctx.attribute(CALLER, guard.authenticate(ctx));
    }
}
