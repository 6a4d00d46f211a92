package dev.annals.bench.compare;

import dev.annals.bench.compare.internal.QuietDisk;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The settling before each measurement of the append comparison (docs/adr/0049). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(180)
class QuietDiskTest {

    @Test
    void settling_asks_the_run_s_postgresql_server_for_a_checkpoint() throws SQLException {
        Optional<String> postgres = PostgresAtHand.url();
        assumeTrue(postgres.isPresent(), "PostgreSQL at hand");
        long before = requestedCheckpoints(postgres.get());

        new QuietDisk(postgres, PostgresAtHand.USER).settle();

        assertThat(requestedCheckpoints(postgres.get())).isGreaterThan(before);
    }

    @Test
    void a_server_that_cannot_be_reached_does_not_stop_the_run() {
        var quietDisk = new QuietDisk(Optional.of("jdbc:postgresql://127.0.0.1:1/test"), PostgresAtHand.USER);

        assertThatCode(quietDisk::settle).doesNotThrowAnyException();
        assertThatCode(quietDisk::settle).doesNotThrowAnyException();
    }

    @Test
    void without_postgresql_settling_syncs_the_disk_alone() {
        assertThatCode(new QuietDisk(Optional.empty(), PostgresAtHand.USER)::settle)
                .doesNotThrowAnyException();
    }

    /** Checkpoints asked for since the statistics were reset: pg_stat_bgwriter until 16, pg_stat_checkpointer after. */
    private static long requestedCheckpoints(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", PostgresAtHand.USER);
        try (var connection = DriverManager.getConnection(url, properties);
                var statement = connection.createStatement()) {
            boolean checkpointerView;
            try (var rows =
                    statement.executeQuery("SELECT to_regclass('pg_catalog.pg_stat_checkpointer') IS NOT NULL")) {
                rows.next();
                checkpointerView = rows.getBoolean(1);
            }
            String query = checkpointerView
                    ? "SELECT num_requested FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_req FROM pg_stat_bgwriter";
            try (var rows = statement.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
