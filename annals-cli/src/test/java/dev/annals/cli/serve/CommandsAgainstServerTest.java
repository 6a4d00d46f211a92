package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.cli.Cli;
import dev.annals.projection.ProjectionStates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command line against a running {@code annals serve --demo}, with {@code --store http://...}: every
 * command the HTTP API covers does what it does on the store itself, through the client's backend; the
 * others say in one line that the server cannot do that over HTTP. One server serves the whole class, so
 * each test works on streams of its own.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandsAgainstServerTest {

    @TempDir
    static Path directory;

    private Path data;
    private ServedDemo server;
    private URI uri;

    @BeforeAll
    void serve() {
        data = directory.resolve("data");
        server = ServedDemo.start(data, directory.resolve("elsewhere"));
        uri = server.uri();
    }

    @AfterAll
    void stop() throws InterruptedException {
        assertThat(server.stop()).isZero();
    }

    private Cli.Run annals(String... args) {
        return server.annals(args);
    }

    private static void assertDone(Cli.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void appends_reads_and_lists_streams_on_the_server() {
        var appended = annals("append", "note-1", "Noted", "{\"text\":\"over http\"}");
        var read = annals("read", "note-1");
        var streams = annals("streams");

        assertDone(appended);
        assertThat(appended.out()).startsWith("{\"stream\":\"note-1\",\"version\":0,");
        assertDone(read);
        assertThat(read.out()).contains("\"type\":\"Noted\"", "\"data\":{\"text\":\"over http\"}");
        assertDone(streams);
        assertThat(streams.out()).contains("note-1", "account-1", "account-2");
    }

    @Test
    void reports_a_conflict_and_a_stream_the_server_does_not_have_as_rejected_requests() {
        assertDone(annals("append", "note-2", "Noted", "{}"));

        var conflict = annals("append", "note-2", "Noted", "{}", "--expected-version", "no-stream");
        var missing = annals("read", "no-such-stream");

        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.errLines())
                .containsExactly("annals: wrong expected version for stream 'note-2': expected no stream, actual 0");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).hasSize(1).first().asString().contains("no-such-stream");
    }

    @Test
    void folds_an_account_of_the_demo_into_its_state() {
        var state = annals("state", "account-1");
        var before = annals("state", "account-1", "--version", "0");

        assertDone(state);
        assertThat(state.out()).contains("\"stream\":\"account-1\"", "\"owner\":\"Alice\"");
        assertDone(before);
        assertThat(before.out()).contains("\"version\":0");
    }

    @Test
    void deletes_and_truncates_streams_on_the_server() {
        assertDone(annals("append", "note-3", "Noted", "{}"));
        for (int i = 0; i < 3; i++) {
            assertDone(annals("append", "note-4", "Noted", "{\"n\":" + i + "}"));
        }

        var deleted = annals("delete", "note-3");
        var truncated = annals("truncate", "note-4", "--before", "2");

        assertDone(deleted);
        assertThat(deleted.out()).contains("delete: stream 'note-3' soft-deleted");
        assertThat(annals("read", "note-3").exitCode()).isEqualTo(1);
        assertDone(truncated);
        assertThat(truncated.out()).contains("truncate: stream 'note-4' now reads from version 2");
        assertThat(annals("read", "note-4").outLines())
                .hasSize(1)
                .first()
                .asString()
                .contains("\"n\":2");
    }

    @Test
    void lists_pauses_resumes_and_rebuilds_the_servers_projections() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var listed = annals("projections");
            assertDone(listed);
            assertThat(listed.out()).containsPattern("balances\\s+RUNNING").contains("transfer-process");
        });

        var paused = annals("projections", "pause", "balances");
        assertDone(paused);
        assertThat(paused.out()).contains("balances: pause requested");
        await().atMost(Duration.ofSeconds(10)).until(() -> Pattern.compile("balances\\s+PAUSED")
                .matcher(annals("projections").out())
                .find());

        assertDone(annals("projections", "resume", "balances"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Pattern.compile("balances\\s+RUNNING")
                .matcher(annals("projections").out())
                .find());

        var rebuilt = annals("projections", "rebuild", "balances");
        assertDone(rebuilt);
        assertThat(rebuilt.out()).contains("balances: rebuild requested (blue/green)");
        await().atMost(Duration.ofSeconds(30)).until(() -> liveVersion("balances") == 2);

        var unknown = annals("projections", "pause", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).hasSize(1).first().asString().contains("no projection named 'nope'");
    }

    /** What the server's own store says of {@code projection}, read beside it. */
    private int liveVersion(String projection) {
        try (var deployment = Backends.installed().open(data.toString(), OpenOptions.readOnly())) {
            return deployment
                    .require(ProjectionStates.class, "projections")
                    .control(projection)
                    .liveVersion();
        }
    }

    @Test
    void lists_retries_and_skips_the_dead_letters_of_the_servers_projections() {
        var poison = annals("append", "account-77", "Deposited", "{\"cents\":\"lots\"}");
        assertDone(poison);
        String position = poison.out().replaceFirst("(?s).*\"position\":(\\d+).*", "$1");
        var parked = Pattern.compile("(\\d+)  balances  position " + position + " .* PARKED after (\\d+) attempts");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        parked.matcher(annals("dlq", "list", "balances").out()).find());
        var listed = parked.matcher(annals("dlq", "list", "balances").out());
        assertThat(listed.find()).isTrue();
        String id = listed.group(1);
        int attempts = Integer.parseInt(listed.group(2));

        var retried = annals("dlq", "retry", id);
        assertDone(retried);
        assertThat(retried.out()).contains("dead letter " + id + ": retry requested");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var again = parked.matcher(annals("dlq", "list", "balances").out());
            return again.find() && Integer.parseInt(again.group(2)) > attempts;
        });

        var skipped = annals("dlq", "skip", id);
        assertDone(skipped);
        assertThat(skipped.out()).contains("dead letter " + id + ": skipped");
        assertThat(annals("dlq", "list", "balances").out()).doesNotContain("position " + position + " ");
        var unknown = annals("dlq", "skip", id);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).containsExactly("annals: no open dead letter with id " + id);
    }

    @Test
    void verifies_the_servers_audit_trail() {
        var verified = annals("verify");

        assertDone(verified);
        assertThat(verified.out())
                .containsPattern("verify: intact: \\d+ event\\(s\\) verified, \\d+ newly sealed;"
                        + " head position \\d+, head hash [0-9a-f]{64}");
    }

    @Test
    void says_in_one_line_what_the_server_cannot_do_over_http() throws Exception {
        Path export = directory.resolve("backup.ndjson.gz");
        Path local = directory.resolve("local");
        assertDone(Cli.onSqlite(local).run("append", "note-9", "Noted", "{}"));
        Path file = directory.resolve("local.ndjson.gz");
        assertDone(Cli.onSqlite(local).run("export", "--output", file.toString()));

        var refused = List.of(
                annals("export", "--output", export.toString()),
                annals("import", file.toString()),
                annals("snapshot", "take", "account-1"),
                annals("snapshot", "list", "account-1"),
                annals("forget", "customer-42"),
                annals("replay", "balances"),
                Cli.onSqlite(local)
                        .runWithoutData(
                                "migrate",
                                "--from",
                                uri.toString(),
                                "--to",
                                directory.resolve("copy").toString()),
                Cli.onSqlite(local).runWithoutData("migrate", "--from", local.toString(), "--to", uri.toString()));

        for (var run : refused) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.err())
                    .startsWith("annals: the Annals server at " + uri + " has no ")
                    .contains(" over HTTP (its API covers streams, deletion, projections, dead letters and the audit"
                            + " check; run this on the server's own store instead)")
                    .doesNotContain("Exception", "dev.annals");
        }
        assertThat(export).doesNotExist();
        assertThat(Files.exists(directory.resolve("copy"))).isFalse();
    }

    @Test
    void says_in_one_line_that_no_server_answers_at_the_address() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        var run = Cli.onSqlite(directory.resolve("elsewhere"))
                .runWithoutData("--store", "http://127.0.0.1:" + closed, "streams");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("annals: no answer from the Annals server to GET http://127.0.0.1:" + closed
                        + "/streams?offset=0&limit=500: the connection was refused (is the server running there?)");
    }

    @Test
    void refuses_a_blank_token_as_bad_usage() {
        var run = annals("--token", " ", "streams");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: --token must not be blank: give the secret that annals"
                        + " tokens create printed (see 'annals streams --help')");
    }

    @Test
    void drills_what_the_server_offers_and_skips_with_the_reason_a_drill_it_cannot() {
        var run = annals("drill", "kill-projection", "poison-event", "--quick");

        assertDone(run);
        assertThat(run.outLines())
                .contains("kill-projection: skipped: the Annals server at " + uri
                        + " has no SQL read models over HTTP (its API covers streams, deletion, projections, dead"
                        + " letters and the audit check; run this on the server's own store instead)")
                .filteredOn(line -> line.startsWith("poison-event  fault "))
                .hasSize(3);
        assertThat(run.out()).contains("every invariant held");
    }
}
