package dev.annals.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where a PostgreSQL store lives, as people write it: {@code postgresql://host:port/db?schema=name},
 * optionally with {@code poolSize=N}, and with any other query parameters (such as {@code user} or
 * {@code password}) passed to the JDBC driver. {@code postgres://} and {@code jdbc:postgresql://} are
 * accepted too.
 *
 * @param jdbcUrl  the driver's URL, without the {@code schema} and {@code poolSize} parameters
 * @param schema   the store's schema, {@link PostgresOptions#DEFAULT_SCHEMA} unless given
 * @param poolSize the connections of the store's pool, {@link PostgresOptions#DEFAULT_POOL_SIZE} unless given
 */
public record PostgresAddress(String jdbcUrl, String schema, int poolSize) {

    public PostgresAddress {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(schema, "schema");
    }

    /** An address with the default pool size. */
    public PostgresAddress(String jdbcUrl, String schema) {
        this(jdbcUrl, schema, PostgresOptions.DEFAULT_POOL_SIZE);
    }

    /**
     * Parses {@code address}.
     *
     * @throws IllegalArgumentException when it is no PostgreSQL URL with a host and a database, or its
     *     {@code poolSize} is no whole number of at least {@link PostgresOptions#MIN_POOL_SIZE}
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
        int poolSize = PostgresOptions.DEFAULT_POOL_SIZE;
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("schema=")) {
                    schema = parameter.substring("schema=".length());
                } else if (parameter.startsWith("poolSize=")) {
                    poolSize = poolSize(parameter.substring("poolSize=".length()), address);
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        return new PostgresAddress("jdbc:postgresql://" + hostPort + uri.getRawPath() + query, schema, poolSize);
    }

    private static int poolSize(String value, String address) {
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < PostgresOptions.MIN_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize in PostgreSQL address '" + withoutSecrets(address)
                    + "' must be a whole number of " + PostgresOptions.MIN_POOL_SIZE + " or more, was '" + value
                    + "'");
        }
        return size;
    }

    /** Options for this address: the defaults with its schema and pool size. */
    public PostgresOptions options() {
        return PostgresOptions.defaults().withSchema(schema).withPoolSize(poolSize);
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
