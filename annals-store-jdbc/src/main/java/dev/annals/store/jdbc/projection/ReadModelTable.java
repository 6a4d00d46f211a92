package dev.annals.store.jdbc.projection;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A table of a JDBC read model, declared once so that the store can create, version and drop it.
 *
 * <p>Each read-model version has its own physical table, {@code NAME_vN}; queries use a view named
 * {@code NAME} that shows the live version, so a blue/green rebuild switches what queries see in one
 * transaction. Handlers write to the physical table ({@link SqlContext#table}, or {@code {NAME}} in
 * {@link SqlContext#update}).
 *
 * @param name    the logical name: letters, digits and {@code _}, starting with a letter
 * @param columns the column definitions and table constraints, as inside {@code CREATE TABLE x (...)}
 * @param indexes column lists to index, each as inside {@code CREATE INDEX i ON x (...)}
 */
public record ReadModelTable(String name, String columns, List<String> indexes) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}");

    public ReadModelTable {
        requireNonNull(name, "name");
        requireNonNull(columns, "columns");
        indexes = List.copyOf(indexes);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("read-model table name '" + name
                    + "' must start with a letter and hold only letters, digits and '_' (at most 61)");
        }
    }

    /** A table with no secondary index. */
    public static ReadModelTable of(String name, String columns) {
        return new ReadModelTable(name, columns, List.of());
    }

    /** This table with one more index on {@code indexColumns}. */
    public ReadModelTable withIndex(String indexColumns) {
        var more = new java.util.ArrayList<>(indexes);
        more.add(requireNonNull(indexColumns, "indexColumns"));
        return new ReadModelTable(name, columns, more);
    }

    /** The physical table of {@code version}. */
    public String physical(int version) {
        return name + "_v" + version;
    }

    /** The statements that create version {@code version} when absent. */
    public List<String> createStatements(int version) {
        var statements = new java.util.ArrayList<String>();
        statements.add("CREATE TABLE IF NOT EXISTS " + physical(version) + " (" + columns + ")");
        for (int i = 0; i < indexes.size(); i++) {
            statements.add("CREATE INDEX IF NOT EXISTS " + physical(version) + "_i" + i + " ON " + physical(version)
                    + " (" + indexes.get(i) + ")");
        }
        return statements;
    }
}
