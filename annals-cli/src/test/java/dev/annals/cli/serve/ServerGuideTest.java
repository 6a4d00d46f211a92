package dev.annals.cli.serve;

import dev.annals.backend.Backends;
import dev.annals.cli.Cli;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/server.md is tested: every curl example of its shell blocks runs, in the guide's order, with the real
 * {@code curl} against a real {@code annals serve --demo} (the loopback examples), one with {@code --auth} and
 * a reader token in {@code $TOKEN} (the {@code http://server:2113} examples), and one started with the key
 * store that the guide's own keytool steps make (the {@code https://annals.example:2113} examples). Each must
 * answer a success, or the status its result comment starts with ({@code # 409 {...}}). A curl example that
 * none of these can run fails the test, so the guide cannot drift from what the server does. The guide's
 * {@code ./annals --store http://...} examples run too, in this JVM, against the same servers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServerGuideTest {

    static final Path GUIDE = Path.of("..", "docs", "server.md");

    /** Where the guide's examples point, and who answers there in this test. */
    enum Target {
        DEMO("http://127.0.0.1:2113/"),
        AUTHENTICATED("http://server:2113/"),
        TLS("https://annals.example:2113/");

        final String documented;

        Target(String documented) {
            this.documented = documented;
        }

        static Target of(ShellExamples.Example example) {
            for (var target : values()) {
                if (example.command().contains(target.documented.replaceFirst("/$", ""))) {
                    return target;
                }
            }
            throw new AssertionError("docs/server.md " + example + "\nnames no server this test can run it"
                    + " against: point it at one of "
                    + List.of(DEMO.documented, AUTHENTICATED.documented, TLS.documented)
                    + ", or teach ServerGuideTest the new one");
        }
    }

    @TempDir
    Path directory;

    @Test
    void every_curl_example_of_the_guide_answers_as_documented() throws Exception {
        var curls = ShellExamples.of(GUIDE).curls();
        assertThat(curls).as("curl examples in " + GUIDE).hasSizeGreaterThan(30);
        curls.forEach(Target::of); // none is left out: each names a server that one of these tests runs

        var demo = BackgroundServe.start(
                Backends.installed(), "--data", directory.resolve("demo").toString(), "serve", "--demo", "--port", "0");
        var token = readerToken(directory.resolve("authenticated"));
        var authenticated = BackgroundServe.start(
                Backends.installed(),
                "--data",
                directory.resolve("authenticated").toString(),
                "serve",
                "--demo",
                "--auth",
                "--port",
                "0");
        try {
            var servers = Map.of(Target.DEMO, demo.uri(), Target.AUTHENTICATED, authenticated.uri());
            var failures = new ArrayList<String>();
            int ran = 0;
            for (var example : curls) {
                var target = Target.of(example);
                if (target == Target.TLS) {
                    continue; // run by the TLS test below, on the key store the guide's steps make
                }
                var curl = new GuideCurl(example, target.documented, servers.get(target), directory);
                curl.environment().put("TOKEN", token);
                curl.run().problem().ifPresent(failures::add);
                ran++;
            }
            assertThat(failures)
                    .as("curl examples of docs/server.md that do not answer as documented")
                    .isEmpty();
            assertThat(ran).isGreaterThan(30);
            var commands = ShellExamples.of(GUIDE).examples().stream()
                    .filter(GuideAnnals::isRemoteCommand)
                    .toList();
            assertThat(commands)
                    .as("./annals --store http://... examples in " + GUIDE)
                    .hasSizeGreaterThan(5);
            for (var example : commands) {
                var target = Target.of(example);
                GuideAnnals.run(
                                example,
                                target.documented.replaceFirst("/$", ""),
                                servers.get(target),
                                directory,
                                Map.of("TOKEN", token))
                        .ifPresent(failures::add);
            }
            assertThat(failures)
                    .as("./annals examples of docs/server.md that do not exit as documented")
                    .isEmpty();
        } finally {
            assertThat(demo.stop()).isZero();
            assertThat(authenticated.stop()).isZero();
        }
    }

    @Test
    void the_tls_steps_of_the_guide_make_a_key_store_the_server_takes_and_a_certificate_curl_trusts() throws Exception {
        var guide = ShellExamples.of(GUIDE);
        var steps = guide.examples().stream()
                .filter(example -> example.command().contains("keytool ")
                        || example.command().startsWith("printf "))
                .toList();
        assertThat(steps)
                .as("the TLS steps: keytool -genkeypair, -exportcert, -importcert, the password file")
                .hasSize(4);
        var shell = new HashMap<String, String>();
        shell.put("PASSWORD", "a-test-password-" + System.nanoTime());
        for (var step : steps) {
            var result = GuideShell.run(step.command(), directory, shell);
            assertThat(result.exitCode()).as(step + "\n" + result.output()).isZero();
        }
        assertThat(directory.resolve("server.p12")).isRegularFile();
        assertThat(directory.resolve("password.txt")).isRegularFile();
        var serveLine = guide.examples().stream()
                .filter(example -> example.command().startsWith("./annals serve")
                        && example.command().contains("--tls-password-file"))
                .findFirst()
                .orElseThrow();
        assertThat(serveLine.command()).contains("--tls-keystore server.p12", "--tls-password-file password.txt");

        // With --auth, as beyond loopback: curl reaches it by the certificate's name, annals.example, which a
        // server without authentication would not take as its own Host.
        readerToken(directory.resolve("data"));
        var tls = BackgroundServe.start(
                Backends.installed(),
                "--data",
                directory.resolve("data").toString(),
                "serve",
                "--auth",
                "--port",
                "0",
                "--tls-keystore",
                directory.resolve("server.p12").toString(),
                "--tls-password-file",
                directory.resolve("password.txt").toString());
        try {
            URI uri = tls.uri();
            var curls = guide.curls().stream()
                    .filter(example -> Target.of(example) == Target.TLS)
                    .toList();
            assertThat(curls).as("the guide's curl --cacert example").isNotEmpty();
            for (var example : curls) {
                var curl = new GuideCurl(example, Target.TLS.documented, uri, directory);
                // The certificate names annals.example: curl must reach it under that name to check it.
                curl.extraOptions().add("--resolve annals.example:" + uri.getPort() + ":127.0.0.1");
                var result = curl.run();
                assertThat(result.problem()).as(example.toString()).isEmpty();
            }
        } finally {
            assertThat(tls.stop()).isZero();
        }
    }

    private static String readerToken(Path data) throws IOException {
        Files.createDirectories(data);
        var created = Cli.onSqlite(data).run("tokens", "create", "--role", "reader");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String secret = created.outLines().get(1).strip();
        assertThat(secret).isNotBlank();
        return secret;
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
