package dev.annals.server.internal.auth;

import dev.annals.server.internal.error.ApiException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * On a server without authentication, refuses a request whose {@code Host} is not one of the names the
 * server is bound under, with the port it listens on. A page of another site that makes its own name
 * resolve to 127.0.0.1 (DNS rebinding) is then same-origin for the browser, but its requests carry that
 * name and are refused.
 */
final class HostCheck {

    private final Set<String> names;

    /** @param names lower case host names and addresses, IPv6 ones in brackets */
    HostCheck(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        int port = ctx.req().getLocalPort();
        if (host != null && allowed(host.strip().toLowerCase(Locale.ROOT), port)) {
            return;
        }
        throw new ApiException(
                403,
                "host_not_allowed",
                "this server, running without authentication, answers"
                        + " only as "
                        + names.stream().sorted().map(name -> name + ":" + port).toList()
                        + ", not as '" + host + "'",
                Map.of("host", String.valueOf(host)));
    }

    private boolean allowed(String host, int port) {
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']') && host.substring(colon + 1).equals(Integer.toString(port))) {
            return names.contains(host.substring(0, colon));
        }
        // No port: the scheme's default, which is then the port this server listens on.
        return (port == 80 || port == 443) && names.contains(host);
    }
}
