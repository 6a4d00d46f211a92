package dev.annals.store.postgres;

/** Turns user-facing addresses of a PostgreSQL store into JDBC URLs and back, for people. */
public final class PostgresUrls {

    private PostgresUrls() {
    }

    /** {@code url} with any {@code password=...} parameter masked, for logs and error messages. */
    public static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
