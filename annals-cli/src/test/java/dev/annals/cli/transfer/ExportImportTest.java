package dev.annals.cli.transfer;

import dev.annals.cli.Cli;
import dev.annals.event.RecordedEvent;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportImportTest {

    @TempDir
    Path temp;

    private Cli source() {
        var cli = Cli.onSqlite(temp.resolve("source"));
        cli.run(
                "append",
                "account-1",
                "AccountOpened",
                "{\"owner\":\"Ada\",\"initialDeposit\":100}",
                "--metadata",
                "{\"user\":\"ada\",\"correlationId\":\"c-1\"}");
        cli.run("append", "account-2", "AccountOpened", "{ \"owner\" : \"Bob\", \"initialDeposit\" : 0 }");
        cli.run("append", "account-1", "Withdrawn", "{\"amount\":30}");
        return cli;
    }

    private static List<RecordedEvent> all(Cli cli) {
        try (var store = cli.openStore();
                var events = store.readAll(1)) {
            return events.toList();
        }
    }

    @Test
    void an_export_imported_into_an_empty_store_gives_the_same_events() {
        var source = source();
        Path file = temp.resolve("backup.ndjson.gz");

        var export = source.run("export", "--output", file.toString());
        assertThat(export.exitCode()).isZero();
        assertThat(export.err()).isEqualTo("export: 3 event(s), positions 1..3 to " + file + "\n");

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).isEqualTo("import: 3 event(s) into " + target.data() + ", head position 3\n");

        var before = all(source);
        var after = all(target);
        assertThat(after).isEqualTo(before);
        // Equality covers ids and payload bytes; check the rest field by field.
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).recordedAt()).isEqualTo(before.get(i).recordedAt());
            assertThat(after.get(i).metadata()).isEqualTo(before.get(i).metadata());
            assertThat(after.get(i).payload()).isEqualTo(before.get(i).payload());
        }
        assertThat(after.getFirst().metadata().user()).contains("ada");

        var append = target.run("append", "account-1", "Withdrawn", "{\"amount\":1}", "--expected-version", "1");
        assertThat(append.exitCode()).isZero();
        assertThat(all(target).getLast().position()).isEqualTo(4);
    }

    /** ADR 0050: a store made with 1 KiB pages gets 4 KiB pages by an export imported into a new data directory. */
    @Test
    void an_export_imported_into_a_new_directory_turns_a_file_of_1_KiB_pages_into_one_of_4_KiB() throws Exception {
        Path older = temp.resolve("older");
        Files.createDirectories(older);
        // As Annals made its files before 7 December 2026: 1 KiB pages, then WAL.
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + older.resolve("annals.db"));
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size = 1024");
            statement.execute("PRAGMA journal_mode = WAL");
        }
        var source = Cli.onSqlite(older);
        assertThat(source.run("append", "account-1", "AccountOpened", "{\"owner\":\"Ada\"}")
                        .exitCode())
                .isZero();
        assertThat(source.run("append", "account-1", "Deposited", "{\"amount\":5}")
                        .exitCode())
                .isZero();
        Path file = temp.resolve("older.ndjson.gz");
        assertThat(source.run("export", "--output", file.toString()).exitCode()).isZero();

        var target = Cli.onSqlite(temp.resolve("newer"));
        assertThat(target.run("import", file.toString()).exitCode()).isZero();

        assertThat(pageSize(older.resolve("annals.db"))).isEqualTo(1024);
        assertThat(pageSize(temp.resolve("newer").resolve("annals.db"))).isEqualTo(4096);
        assertThat(all(target)).isEqualTo(all(source));
    }

    private static int pageSize(Path file) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA page_size")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    @Test
    void exports_one_stream_keeping_its_global_positions() {
        var source = source();
        Path file = temp.resolve("one.ndjson.gz");

        var export = source.run("export", "--stream", "account-1", "--output", file.toString());

        assertThat(export.err()).startsWith("export: 2 event(s), positions 1..3");
        var target = Cli.onSqlite(temp.resolve("target"));
        assertThat(target.run("import", file.toString()).exitCode()).isZero();
        assertThat(all(target)).extracting(RecordedEvent::position).containsExactly(1L, 3L);
    }

    @Test
    void an_export_from_a_position_that_cuts_a_stream_is_refused_on_import_naming_the_stream() {
        var source = source();
        Path file = temp.resolve("tail.ndjson.gz");

        var export = source.run("export", "--from", "2", "--output", file.toString());
        assertThat(export.err()).startsWith("export: 2 event(s), positions 2..3");

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());
        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.errLines())
                .singleElement()
                .asString()
                .contains("stream account-1 at position 3 has version 1, expected 0");
        assertThat(all(target)).isEmpty();
    }

    @Test
    void refuses_to_import_into_a_store_that_has_events() {
        var source = source();
        Path file = temp.resolve("backup.ndjson.gz");
        source.run("export", "--output", file.toString());

        var again = source.run("import", file.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().contains("the store is not empty (3 events)");
        assertThat(all(source)).hasSize(3);
    }

    @Test
    void a_bad_line_is_named_and_nothing_is_imported() throws IOException {
        Path file = temp.resolve("bad.ndjson.gz");
        var source = source();
        source.run("export", "--output", file.toString());
        var lines = new java.util.ArrayList<>(List.of(new String(
                        new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes(),
                        StandardCharsets.UTF_8)
                .split("\n")));
        lines.set(1, "{\"position\":2}");
        try (var out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            out.write(String.join("\n", lines));
        }

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.errLines())
                .singleElement()
                .asString()
                .contains("line 2: missing field")
                .contains("nothing imported");
        assertThat(all(target)).isEmpty();
    }
}
