package dev.annals.cli.audit;

import dev.annals.cli.Cli;
import dev.annals.cli.PostgresSchema;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerifyCommandTest {

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path data;

    @Test
    void reports_the_head_hash_of_an_intact_store_and_the_first_broken_position_of_an_edited_one() throws Exception {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Withdrawn", "{\"amount\":1}");
        cli.run("append", "account-1", "Withdrawn", "{\"amount\":2}");

        var first = cli.run("verify");
        assertThat(first.exitCode()).isZero();
        // The appends sealed their events; verify checks them.
        assertThat(first.out())
                .matches("verify: intact: 2 event\\(s\\) verified, 0 newly sealed;"
                        + " head position 2, head hash [0-9a-f]{64}\\n");
        assertThat(cli.run("verify").out()).contains("2 event(s) verified, 0 newly sealed");

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var statement = connection.createStatement()) {
            statement.execute("UPDATE events SET payload = CAST('{\"amount\":20}' AS BLOB) WHERE position = 2");
        }
        var broken = cli.run("verify");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.errLines())
                .singleElement()
                .asString()
                .startsWith("verify: chain broken at position 2: event ")
                .contains("1 event(s) intact before it");
    }

    @Test
    void seals_and_then_checks_a_postgresql_store() throws Exception {
        postgres.run(data, "append", "account-1", "Withdrawn", "{\"amount\":1}");
        postgres.run(data, "append", "account-1", "Withdrawn", "{\"amount\":2}");

        var first = postgres.run(data, "verify");
        assertThat(first.exitCode()).isZero();
        // PostgreSQL's appends do not seal their events: the first verify does.
        assertThat(first.out())
                .matches("verify: intact: 0 event\\(s\\) verified, 2 newly sealed;"
                        + " head position 2, head hash [0-9a-f]{64}\\n");
        assertThat(postgres.run(data, "verify").out()).contains("2 event(s) verified, 0 newly sealed");

        try (var connection = DriverManager.getConnection(PostgresSchema.JDBC_URL);
                var statement = connection.createStatement()) {
            statement.execute("UPDATE " + postgres.schema() + ".events SET payload = convert_to('{\"amount\":20}',"
                    + " 'UTF8') WHERE position = 2");
        }
        var broken = postgres.run(data, "verify");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.errLines()).singleElement().asString().startsWith("verify: chain broken at position 2");
    }

    @Test
    void says_so_in_one_line_when_there_is_no_store() {
        var run = Cli.onSqlite(data.resolve("absent")).run("verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("no data directory");
    }
}
