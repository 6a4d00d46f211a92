package dev.annals.server.internal.auth;

import dev.annals.server.auth.Permission;

import io.javalin.http.Context;

/**
 * Decides whether a request may do what it asks; refuses with a 401 or 403 {@code ApiException}.
 */
@FunctionalInterface
public interface Guard {

    /** Lets every request through: for a server listening on loopback only. */
    Guard OPEN = (ctx, permission, target) -> { };

    /**
     * Returns when the request in {@code ctx} may do {@code permission} on {@code target} (a stream name,
     * a virtual stream such as {@code $all}, or an empty string for server-wide operations).
     */
    void require(Context ctx, Permission permission, String target);
}
