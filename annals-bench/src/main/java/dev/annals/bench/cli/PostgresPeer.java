package dev.annals.bench.cli;

import dev.annals.bench.compare.ComparisonOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The PostgreSQL options every comparison takes: where the PostgreSQL systems run, or none. */
final class PostgresPeer {

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            defaultValue = ComparisonOptions.DEFAULT_POSTGRES_URL,
            description = "The PostgreSQL database for the PostgreSQL systems (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(
            names = "--postgres-user",
            paramLabel = "USER",
            defaultValue = "postgres",
            description = "The PostgreSQL user (default: ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--no-postgres", description = "Leave the PostgreSQL systems out.")
    private boolean none;

    /** The database's JDBC URL, or empty with --no-postgres. */
    Optional<String> url() {
        return none ? Optional.empty() : Optional.of(url);
    }

    /** The PostgreSQL user. */
    String user() {
        return user;
    }
}
