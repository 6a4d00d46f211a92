package dev.annals.server.internal.auth;

import dev.annals.server.auth.Permission;
import io.javalin.http.Context;

/**
 * Authenticates requests, and decides whether they may do what they ask. {@link RequestGate} authenticates
 * every request that is not public before any route looks at it; a route then asks {@link #require}.
 */
@FunctionalInterface
public interface Guard {

    /** Lets every request through: for a server listening on loopback only. */
    Guard OPEN = ctx -> Caller.ANYONE;

    /**
     * Who sent the request in {@code ctx}; throws a 401 {@code ApiException} when it carries no valid
     * credentials.
     */
    Caller authenticate(Context ctx);

    /** The caller of {@code ctx}, authenticated by the {@link RequestGate} (or now, if it was not). */
    default Caller caller(Context ctx) {
        Caller caller = ctx.attribute(RequestGate.CALLER);
        if (caller == null) {
            caller = authenticate(ctx);
            ctx.attribute(RequestGate.CALLER, caller);
        }
        return caller;
    }

    /**
     * Returns when the request in {@code ctx} may do {@code permission} on {@code target} (a stream name,
     * a virtual stream such as {@code $all}, or an empty string for server-wide operations); refuses with
     * a 401 or 403 {@code ApiException}.
     */
    default void require(Context ctx, Permission permission, String target) {
        caller(ctx).require(permission, target);
    }
}
