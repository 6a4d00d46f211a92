package dev.annals.bench.cli;

import dev.annals.store.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals bench append --store postgresql://...} leaves the user's schema as it found it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BenchAppendPostgresTest {

    @TempDir
    Path data;

    @Test
    void appends_to_a_schema_of_its_own_and_drops_it_afterwards() throws Exception {
        String schema = TestDatabase.newSchema();
        var run = BenchCli.onSqlite(data)
                .runWithoutData(
                        "--store", storeIn(schema), "append", "--writers", "2", "--events", "40", "--size", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("events              40 appended, 40 stored")
                .contains("a schema of its own, dropped afterwards");
        var scratch = Pattern.compile("\\(schema (annals_bench_\\w+)\\)").matcher(run.out());
        assertThat(scratch.find()).as(run.out()).isTrue();
        assertThat(schemaExists(schema)).as("the user's schema").isFalse();
        assertThat(schemaExists(scratch.group(1))).as("the benchmark's schema").isFalse();
    }

    private static String storeIn(String schema) {
        return TestDatabase.URL.replaceFirst("^jdbc:", "") + (TestDatabase.URL.contains("?") ? "&" : "?") + "schema="
                + schema;
    }

    private static boolean schemaExists(String schema) throws Exception {
        try (var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, schema);
            try (var row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
