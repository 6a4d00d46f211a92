package dev.annals.store.postgres.internal;

import dev.annals.store.EventStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the schema when absent and brings its tables to the current version with Flyway, which records
 * what it applied in the schema's {@code flyway_schema_history} table and takes a lock so that several
 * processes starting at once migrate only once.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /** Migrates {@code schema}; fails when the schema has a newer version than this code knows. */
    public static void migrate(DataSource dataSource, String schema) {
        try {
            var result = flyway(dataSource, schema).load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(
                        "migrated schema {} to version {} ({} migrations)",
                        schema,
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new EventStoreException(
                    "migrating the PostgreSQL schema '" + schema + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Flyway's settings for {@code schema}. Its log lines go to SLF4J, as every other line of Annals does,
     * whatever else is on the application's class path (Flyway would otherwise pick a logger by itself).
     */
    static FluentConfiguration flyway(DataSource dataSource, String schema) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .loggers("slf4j")
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations(new PostgresDialect(schema).migrations())
                .createSchemas(true);
    }
}
