package dev.annals.bench.compare.internal;

import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A schema of its own in a PostgreSQL database, created for one run and dropped with everything in it
 * afterwards. Durability is the server's: the run reports, but does not change, its fsync settings.
 */
public final class PostgresDatabase implements Database {

    private static final String UNIQUE_VIOLATION = "23505";

    private final String url;
    private final Properties credentials;
    private final String schema;

    private PostgresDatabase(String url, Properties credentials, String schema) {
        this.url = url;
        this.credentials = credentials;
        this.schema = schema;
    }

    /**
     * Connects to {@code url} (such as {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code user} and
     * creates a new schema {@code annals_bench_XXXXXXXX}.
     *
     * @throws SQLException when the server does not answer or refuses
     */
    public static PostgresDatabase create(String url, String user) throws SQLException {
        var credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("connectTimeout", "3");
        String schema = "annals_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(url, credentials);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return new PostgresDatabase(url, credentials, schema);
    }

    /** Annals's PostgreSQL store in this schema, with a pool of its own; the caller closes it. */
    public PostgresEventStore openStore() {
        String separator = url.contains("?") ? "&" : "?";
        String jdbcUrl =
                url + separator + "user=" + URLEncoder.encode(credentials.getProperty("user"), StandardCharsets.UTF_8);
        return PostgresEventStore.open(
                jdbcUrl, PostgresOptions.defaults().withSchema(schema).withListen(false));
    }

    /** The run's schema. */
    public String schema() {
        return schema;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Connection open() throws SQLException {
        var properties = new Properties(credentials);
        properties.setProperty("currentSchema", schema);
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public int poolSize(int writers) {
        return writers;
    }

    @Override
    public boolean isConflict(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public List<String> plainTable() {
        return List.of("CREATE TABLE plain_events (position BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL,"
                + " version BIGINT NOT NULL, event_id BYTEA NOT NULL, type TEXT NOT NULL, payload BYTEA NOT NULL,"
                + " UNIQUE (stream, version), UNIQUE (event_id))");
    }

    @Override
    public List<String> axonTables() {
        // As Axon's PostgresEventTableFactory makes them.
        return List.of(
                "CREATE TABLE DomainEventEntry (globalIndex BIGSERIAL NOT NULL,"
                        + " aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL,"
                        + " type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL, metaData BYTEA,"
                        + " payload BYTEA NOT NULL, payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,"
                        + " timeStamp VARCHAR(255) NOT NULL, PRIMARY KEY (globalIndex),"
                        + " UNIQUE (aggregateIdentifier, sequenceNumber), UNIQUE (eventIdentifier))",
                "CREATE TABLE SnapshotEventEntry (aggregateIdentifier VARCHAR(255) NOT NULL,"
                        + " sequenceNumber BIGINT NOT NULL, type VARCHAR(255) NOT NULL,"
                        + " eventIdentifier VARCHAR(255) NOT NULL, metaData BYTEA, payload BYTEA NOT NULL,"
                        + " payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,"
                        + " timeStamp VARCHAR(255) NOT NULL, PRIMARY KEY (aggregateIdentifier, sequenceNumber),"
                        + " UNIQUE (eventIdentifier))");
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, credentials);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
