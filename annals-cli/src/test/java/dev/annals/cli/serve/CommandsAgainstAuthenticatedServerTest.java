package dev.annals.cli.serve;

import dev.annals.cli.Cli;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against {@code annals serve --demo --auth}: {@code --token} carries a token made with
 * {@code annals tokens create}; a wrong, missing or too weak token is a rejected request in one line.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandsAgainstAuthenticatedServerTest {

    @TempDir
    static Path directory;

    private ServedDemo server;
    private URI uri;
    private String admin;
    private String reader;

    @BeforeAll
    void serve() {
        Path data = directory.resolve("data");
        admin = secret(Cli.onSqlite(data).run("tokens", "create", "--role", "admin"));
        reader = secret(Cli.onSqlite(data).run("tokens", "create", "--role", "reader"));
        server = ServedDemo.start(data, directory.resolve("elsewhere"), "--auth");
        uri = server.uri();
    }

    /** The secret {@code annals tokens create} printed on its second line. */
    private static String secret(Cli.Run created) {
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.outLines().get(1);
    }

    @AfterAll
    void stop() throws InterruptedException {
        assertThat(server.stop()).isZero();
    }

    private Cli.Run annals(String... args) {
        return server.annals(args);
    }

    @Test
    void works_with_the_token_given_by_token() {
        var appended = annals("--token", admin, "append", "note-1", "Noted", "{}");
        var read = annals("--token", reader, "read", "note-1");
        var verified = annals("--token", admin, "verify");
        var projections = annals("--token", reader, "projections");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("\"stream\":\"note-1\"", "\"type\":\"Noted\"");
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("verify: intact: ");
        assertThat(projections.exitCode()).as(projections.err()).isZero();
        assertThat(projections.out()).contains("balances");
    }

    @Test
    void refuses_a_wrong_token_in_one_line_without_a_stack_trace() {
        var run = annals("--token", "not-a-token", "read", "account-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("annals: the bearer token is unknown or revoked (HTTP 401 from GET " + uri)
                .doesNotContain("Exception");
    }

    @Test
    void refuses_a_missing_token_and_a_reader_tokens_operations_in_one_line() {
        var anonymous = annals("streams");
        var pause = annals("--token", reader, "projections", "pause", "balances");

        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.errLines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("annals: this server requires a bearer token");
        assertThat(pause.exitCode()).isEqualTo(1);
        assertThat(pause.out()).isEmpty();
        assertThat(pause.errLines())
                .hasSize(1)
                .first()
                .asString()
                .contains("HTTP 403")
                .doesNotContain("Exception");
    }
}
