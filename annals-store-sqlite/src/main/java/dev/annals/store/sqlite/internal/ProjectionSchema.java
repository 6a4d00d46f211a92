package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Lets the projections' connections bring the file's schema up to date, as the store does when it opens. */
public final class ProjectionSchema {

    private ProjectionSchema() {}

    /** Migrates the database on {@code connection} to the current schema version. */
    public static void migrate(Connection connection, Path file) throws SQLException {
        SqliteSchema.migrate(connection, file);
    }
}
