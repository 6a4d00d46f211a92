package dev.annals.cli.transfer;

import dev.annals.cli.Cli;
import dev.annals.cli.MarkedStore;
import dev.annals.erasure.SubjectForgottenException;
import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import dev.annals.store.sqlite.transfer.SqliteImport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code annals export} and {@code import} carry stream marks, subject keys as stored and forgotten subjects. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportImportErasureTest {

    @TempDir
    Path temp;

    private Path source() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        return source;
    }

    private static ErasureState erasure(Path store) {
        return SqliteImport.snapshot(store).erasure();
    }

    private static List<RecordedEvent> all(Path store) {
        try (var opened = SqliteEventStore.open(store);
                var events = opened.readAll(1)) {
            return events.toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (var out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            out.write(String.join("\n", lines) + "\n");
        }
    }

    @Test
    void an_export_imported_into_an_empty_store_deletes_forgets_and_verifies_as_the_original() {
        Path source = source();
        Path file = temp.resolve("backup.ndjson.gz");

        var export = Cli.onSqlite(source).run("export", "--output", file.toString());
        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        String carried = "with 1 soft-deleted, 1 tombstoned and 2 truncated stream(s); 2 subject key(s) (1 wrapped)"
                + " and 2 forgotten subject(s), keys as stored";
        assertThat(export.errLines())
                .containsExactly("export: 15 event(s), positions 1..15 to " + file, "export: " + carried);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.outLines())
                .containsExactly(
                        "import: 15 event(s) into " + target.data() + ", head position 15", "import: " + carried);
        assertThat(all(target.data())).isEqualTo(all(source));
        assertThat(erasure(target.data()).marks())
                .containsExactlyInAnyOrderElementsOf(erasure(source).marks());
        assertThat(erasure(target.data()).subjectKeys())
                .containsExactlyElementsOf(erasure(source).subjectKeys());
        var hash = Cli.onSqlite(source)
                .run("verify")
                .out()
                .replaceAll("(?s).*head hash ", "")
                .trim();
        assertThat(target.run("verify").out()).contains("intact").endsWith("head hash " + hash + "\n");
        try (var store = SqliteEventStore.open(target.data())) {
            var keys = SqliteSubjectKeys.open(target.data(), Optional.of(MarkedStore.MASTER));
            MarkedStore.assertHoldsTheMarksAndKeys(store, keys);
            MarkedStore.assertWritesAsTheSourceWould(store, keys);
        }
    }

    @Test
    void an_export_without_keys_carries_the_marks_and_the_forgotten_subjects_but_no_key() {
        Path source = source();
        Path file = temp.resolve("anonymous.ndjson.gz");

        var export = Cli.onSqlite(source).run("export", "--without-keys", "--output", file.toString());
        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(export.errLines().get(1))
                .endsWith("0 subject key(s) (0 wrapped) and 2 forgotten subject(s), data" + " keys left out");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(erasure(target.data()).marks())
                .containsExactlyInAnyOrderElementsOf(erasure(source).marks());
        var keys = SqliteSubjectKeys.open(target.data());
        assertThat(keys.find("c-raw")).isEmpty();
        assertThat(keys.find("c-wrapped")).isEmpty();
        assertThatThrownBy(() -> keys.keyFor("c-gone")).isInstanceOf(SubjectForgottenException.class);
    }

    @Test
    void an_export_of_one_truncated_stream_carries_its_hidden_events_and_its_mark() {
        Path source = source();
        Path file = temp.resolve("cut.ndjson.gz");

        var export = Cli.onSqlite(source).run("export", "--stream", "cut-1", "--output", file.toString());
        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(export.errLines().getFirst()).startsWith("export: 4 event(s)");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(erasure(target.data()).marks()).singleElement().asString().contains("cut-1");
        try (var store = SqliteEventStore.open(target.data())) {
            assertThat(store.readStream("cut-1")
                            .map(RecordedEvent::streamVersion)
                            .toList())
                    .containsExactly(2L, 3L);
        }
    }

    @Test
    void a_file_of_format_version_1_without_header_marks_or_keys_still_imports() throws IOException {
        Path file = temp.resolve("old.ndjson.gz");
        write(
                file,
                List.of(
                        "{\"position\":1,\"stream\":\"account-1\",\"version\":0,\"id\":\"0192e4a0-0000-7000-8000-000000000001\","
                                + "\"type\":\"AccountOpened\",\"schemaVersion\":1,\"data\":{\"owner\":\"Ada\"},"
                                + "\"metadata\":{\"user\":\"ada\"},\"recordedAt\":\"2026-11-26T15:20:37.981214Z\"}",
                        "{\"position\":2,\"stream\":\"account-1\",\"version\":1,\"id\":\"0192e4a0-0000-7000-8000-000000000002\","
                                + "\"type\":\"Deposited\",\"schemaVersion\":1,\"dataBase64\":\"eyAiYW1vdW50IjogNSB9\","
                                + "\"metadata\":{},\"recordedAt\":\"2026-11-26T15:20:38Z\"}"));

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.outLines())
                .containsExactly("import: 2 event(s) into " + target.data() + ", head position 2");
        assertThat(all(target.data())).extracting(RecordedEvent::type).containsExactly("AccountOpened", "Deposited");
        assertThat(new String(all(target.data()).getLast().payload(), StandardCharsets.UTF_8))
                .isEqualTo("{ \"amount\": 5 }");
        assertThat(erasure(target.data()).isEmpty()).isTrue();
    }

    @Test
    void a_file_cut_short_is_refused_and_nothing_is_imported() throws IOException {
        Path file = temp.resolve("backup.ndjson.gz");
        Cli.onSqlite(source()).run("export", "--output", file.toString());
        var lines = lines(file);
        write(file, lines.subList(0, lines.size() - 3));

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.errLines())
                .singleElement()
                .asString()
                .contains("ends without its end line")
                .contains("cut short")
                .contains("nothing imported");
        assertThat(all(target.data())).isEmpty();
        assertThat(erasure(target.data()).isEmpty()).isTrue();
    }

    @Test
    void a_mark_past_its_streams_last_version_is_refused_naming_the_stream() throws IOException {
        Path file = temp.resolve("backup.ndjson.gz");
        Cli.onSqlite(source()).run("export", "--output", file.toString());
        var lines = lines(file);
        lines.replaceAll(line -> line.replace(
                "{\"kind\":\"streamMark\",\"stream\":\"cut-1\",\"truncateBefore\":2",
                "{\"kind\":\"streamMark\",\"stream\":\"cut-1\",\"truncateBefore\":9"));
        write(file, lines);

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.errLines())
                .singleElement()
                .asString()
                .contains(
                        "stream cut-1 is truncated before version 9, but the target holds its events only up to version 3");
        assertThat(all(target.data())).isEmpty();
    }

    @Test
    void a_file_of_a_later_format_version_is_refused_naming_the_version() throws IOException {
        Path file = temp.resolve("future.ndjson.gz");
        write(
                file,
                List.of(
                        "{\"kind\":\"header\",\"format\":\"annals-export\",\"version\":3}",
                        "{\"kind\":\"end\",\"events\":0,\"streamMarks\":0,\"subjectKeys\":0}"));

        var target = Cli.onSqlite(temp.resolve("target"));
        var imported = target.run("import", file.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.errLines())
                .singleElement()
                .asString()
                .contains("line 1: export format version 3 is not one this Annals reads (1 to 2)");
    }
}
