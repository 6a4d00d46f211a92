package dev.annals.store.jdbc.projection;

import dev.annals.projection.Projection;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A JDBC read model as an application registers it: its projection and its tables. Applications list
 * theirs so that tools (the runner's start-up, {@code annals replay}) find them by name.
 *
 * @param projection the projection, whose handlers write the tables
 * @param tables     the tables it writes, at least one
 */
public record ReadModelDefinition(Projection<SqlContext> projection, List<ReadModelTable> tables) {

    public ReadModelDefinition {
        requireNonNull(projection, "projection");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("read model " + projection.name() + " needs at least one table");
        }
    }

    /** The projection's name. */
    public String name() {
        return projection.name();
    }
}
