package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is created by versioned Flyway migrations when a store opens, once, and kept on reopening. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrationsTest {

    @Test
    void creates_the_schema_with_its_versions_once_and_keeps_the_events_on_reopening() throws SQLException {
        var options = TestDatabase.newOptions().withListen(false);
        try (var store = PostgresEventStore.open(TestDatabase.URL, options)) {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
        }
        try (var store = PostgresEventStore.open(TestDatabase.URL, options)) {
            assertThat(store.headPosition()).isEqualTo(1);
            assertThat(store.schema()).isEqualTo(options.schema());
        }

        assertThat(appliedVersions(options.schema()))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
    }

    private static List<String> appliedVersions(String schema) throws SQLException {
        var versions = new ArrayList<String>();
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT version FROM " + schema
                        + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
