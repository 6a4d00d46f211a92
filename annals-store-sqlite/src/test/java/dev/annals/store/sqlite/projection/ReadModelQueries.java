package dev.annals.store.sqlite.projection;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Queries a read model the way an application would: through its view, on a connection of its own. */
final class ReadModelQueries {

    private ReadModelQueries() {}

    static Map<String, Long> tallies(Path data) {
        return totals(data, "SELECT stream, total FROM tallies");
    }

    static Map<String, Long> totals(Path data, String sql) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var totals = new TreeMap<String, Long>();
            while (rows.next()) {
                totals.put(rows.getString(1), rows.getLong(2));
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
