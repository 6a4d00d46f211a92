package dev.annals.store.postgres.internal;

import dev.annals.store.EventStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
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
            var result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations(new PostgresDialect(schema).migrations())
                    .createSchemas(true)
                    .load()
                    .migrate();
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
}
