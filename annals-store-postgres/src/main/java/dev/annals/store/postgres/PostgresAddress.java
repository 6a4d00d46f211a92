package dev.annals.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where a PostgreSQL store lives, as people write it: {@code postgresql://host:port/db?schema=name},
 * with any other query parameters (such as {@code user} or {@code password}) passed to the JDBC driver.
 * {@code postgres://} and {@code jdbc:postgresql://} are accepted too.
 *
 * @param jdbcUrl the driver's URL, without the {@code schema} parameter
 * @param schema  the store's schema, {@link PostgresOptions#DEFAULT_SCHEMA} unless given
 */
public record PostgresAddress(String jdbcUrl, String schema) {

    public PostgresAddress {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(schema, "schema");
    }

    /**
     * Parses {@code address}.
     *
     * @throws IllegalArgumentException when it is no PostgreSQL URL with a host and a database
     */
    public static PostgresAddress parse(String address) {
        requireNonNull(address, "address");
        String rest = address.replaceFirst("^(jdbc:)?(postgresql|postgres)://", "");
        if (rest.equals(address)) {
            throw new IllegalArgumentException("not a PostgreSQL address: '" + withoutSecrets(address)
                    + "' (expected postgresql://host:port/database?schema=name)");
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "malformed PostgreSQL address '" + withoutSecrets(address) + "': " + e.getReason(), e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("PostgreSQL address '" + withoutSecrets(address)
                    + "' needs a host and a database: postgresql://host:port/database");
        }
        String schema = PostgresOptions.DEFAULT_SCHEMA;
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("schema=")) {
                    schema = parameter.substring("schema=".length());
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        return new PostgresAddress("jdbc:postgresql://" + hostPort + uri.getRawPath() + query, schema);
    }

    /** Options for this address: the defaults with its schema. */
    public PostgresOptions options() {
        return PostgresOptions.defaults().withSchema(schema);
    }

    /** The address for people: the JDBC URL with any password masked, and the schema. */
    @Override
    public String toString() {
        return withoutSecrets(jdbcUrl) + " (schema " + schema + ")";
    }

    /** {@code url} with any {@code password=...} parameter masked, for logs and error messages. */
    public static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
