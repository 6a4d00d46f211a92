package dev.annals.server.internal.auth;

import dev.annals.server.internal.error.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser sent from a page of another
 * origin: a "simple" cross-origin request (a form, or {@code text/plain}) reaches the server without a
 * CORS preflight, so without this check any web page could append to or truncate a server on loopback.
 * A request without {@code Origin} (curl, the Java client) is not a browser's and passes; so does one from
 * the server's own origin (the console: its scheme-less authority is the request's {@code Host}) or from
 * an allowed origin.
 */
final class OriginCheck {

    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Set<String> allowed;

    /** @param allowed the origins ({@code scheme://host[:port]}, lower case) of other front ends */
    OriginCheck(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !STATE_CHANGING.contains(ctx.method())) {
            return;
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalised) || own(normalised, ctx.header("Host"))) {
            return;
        }
        throw new ApiException(
                403,
                "cross_origin_refused",
                "a page from origin '" + origin + "' may not change"
                        + " this server; to let a front end served elsewhere write, start the server with"
                        + " --allow-origin ORIGIN",
                Map.of("origin", origin));
    }

    private static boolean own(String origin, String host) {
        int separator = origin.indexOf("://");
        if (host == null || separator < 0) {
            return false;
        }
        String scheme = origin.substring(0, separator);
        return (scheme.equals("http") || scheme.equals("https"))
                && origin.substring(separator + 3).equals(host.strip().toLowerCase(Locale.ROOT));
    }
}
