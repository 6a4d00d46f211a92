package dev.annals.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules for an origin given to {@link ServerBuilder#allowOrigin}: a browser's {@code Origin}, exactly. */
public final class AllowedOrigin {

    private AllowedOrigin() {}

    /**
     * {@code origin} in the form browsers send: lower case, without a trailing {@code /} or default port.
     *
     * @throws IllegalArgumentException when it is not {@code http(s)://host[:port]}
     */
    public static String parse(String origin) {
        String text = origin.strip();
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(origin);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawPath() == null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(origin);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException invalid(String origin) {
        return new IllegalArgumentException("an allowed origin must be scheme://host[:port] with scheme http or"
                + " https and nothing after the port, such as https://console.example:8443; was '" + origin + "'");
    }
}
