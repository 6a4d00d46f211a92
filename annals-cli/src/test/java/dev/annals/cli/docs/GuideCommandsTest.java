package dev.annals.cli.docs;

import dev.annals.backend.Backends;
import dev.annals.cli.Cli;
import dev.annals.cli.PostgresSchema;
import dev.annals.cli.serve.BackgroundServe;
import dev.annals.cli.serve.GuideShell;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides are tested: every {@code annals} command of README.md and of each docs/*.md guide (the ADRs
 * aside) runs in this JVM, in the guide's order, on one data directory per guide ({@code ./annals-data} of
 * the guide: its commands see what the earlier ones did, as a reader's would), and must exit 0, or the
 * exit code its comment starts with: {@code ./annals append ... # exit 1, refused: ...}. Each guide's data
 * directory starts as {@code annals demo} leaves it, since a reader comes to the reference guides
 * (operations, projections, the audit trail) with a store that has events and projections; README.md and
 * getting-started.md start the demo themselves.
 *
 * <p>What a reader would type is rewritten only where the test machine differs: {@code --data DIR} and
 * the default {@code annals-data} are the guide's data directory; every {@code postgresql://} address is one
 * schema of the test database per guide (dropped after it); relative files are the guide's working
 * directory; {@code annals serve} listens on a free port ({@code --port 0}) in the background until it prints
 * its URL, then stops as on Ctrl-C; a command with {@code --store http://...} talks to an {@code annals serve}
 * of the guide's data directory, started for it; {@code tokens revoke ID} revokes the guide's last created
 * token. A {@code bench} line never runs here (a benchmark is minutes long): it must be listed.
 *
 * <p>A line of a code block that is not a shell block may be a usage synopsis ({@code annals replay NAME
 * [--from POSITION]}): one with {@code [optional]} parts or CAPITAL placeholders is not run; any other
 * {@code annals} line there runs like a shell block's. The curl examples of docs/server.md run in
 * {@code ServerGuideTest}. Any other line must be in {@link #COVERED_ELSEWHERE}, naming the test that
 * covers it and why it does not run here, or in {@link #SHELL_STEPS}, run with bash in the guide's working
 * directory: a new command in a guide that none of these takes fails the test.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GuideCommandsTest {

    static final Path ROOT = Path.of("..");

    /** Lines not run here, by {@link GuideCommands.Command#key()}, and what covers each. */
    static final Map<String, String> COVERED_ELSEWHERE = Map.ofEntries(
            Map.entry("./run-tests", "the build itself: every test of every module"),
            Map.entry(
                    "./annals relay kafka --bootstrap-servers 127.0.0.1:9092",
                    "needs a Kafka broker and runs until stopped: KafkaRelayCommandTest runs the relay against a"
                            + " broker process of its own"),
            Map.entry(
                    "./annals relay kafka --bootstrap-servers 127.0.0.1:9092 --topic events --category account --category order",
                    "needs a Kafka broker: KafkaRelayCommandTest runs --topic and --category against a broker"
                            + " process of its own"),
            Map.entry(
                    "./annals projections --bootstrap-servers 127.0.0.1:9092",
                    "needs a Kafka broker: KafkaRelayCommandTest runs projections --bootstrap-servers against a"
                            + " broker process of its own, and with an unreachable one"),
            Map.entry(
                    "./annals serve --relay kafka=127.0.0.1:9092",
                    "needs a Kafka broker: ServeRelayTest serves with --relay against a broker process of its own"
                            + " and reads the relay's figures from /metrics, GET /relays and annals projections"),
            Map.entry(
                    "./annals bench relay",
                    "a benchmark with a broker of its own, 1,000,000 events: BenchRelayCommandTest runs bench relay with 2,000 events"),
            Map.entry(
                    "./annals relay kafka --bootstrap-servers 127.0.0.1:9092 --until-caught-up",
                    "needs a Kafka broker: KafkaRelayCommandTest runs --until-caught-up against a broker process"
                            + " of its own"),
            Map.entry(
                    "./annals bench append --writers 64 --events 200000 --size 200",
                    "a full benchmark: BenchAppendCommandTest runs bench append with a few hundred events"),
            Map.entry(
                    "./annals bench append --writers 64 --events 200000 --size 200 [--batch 100] [--baseline fsync]",
                    "a full benchmark (a synopsis of its options): BenchAppendCommandTest runs bench append,"
                            + " --baseline fsync included"),
            Map.entry(
                    "./annals bench compare-append",
                    "a full benchmark: BenchCompareCommandsTest runs the comparisons with small sizes"),
            Map.entry(
                    "./annals bench compare-append --chart docs/append-comparison.png",
                    "a full benchmark, ~3 min: BenchCompareCommandsTest runs the comparisons with small sizes"),
            Map.entry(
                    "./annals bench compare-append --events 5000",
                    "a benchmark: BenchCompareCommandsTest runs the comparisons with small sizes"),
            Map.entry(
                    "./annals bench compare-append --rounds 3",
                    "a full benchmark three times over, ~25 min: BenchCompareCommandsTest runs --rounds with small"
                            + " sizes"),
            Map.entry(
                    "./annals bench compare-replay",
                    "a full benchmark, 1,000,000 events: BenchCompareCommandsTest lists it"),
            Map.entry(
                    "./annals bench compare-load",
                    "a full benchmark: BenchCompareCommandsTest runs compare-load with small sizes"),
            Map.entry(
                    "./annals bench http",
                    "a benchmark, about 3 min, that starts annals serve from annals.jar: BenchHttpCommandTest runs"
                            + " bench http for a second per route against a server of its own"),
            Map.entry(
                    "./annals bench http --duration 30 --warm-up 5",
                    "a benchmark, about 7 min: BenchHttpCommandTest runs bench http for a second per route"),
            Map.entry(
                    "./annals bench server-load --subscribers 200 --appenders 64 --events 50",
                    "a load test, shown with its output: ServerLoadTest runs bench server-load small"),
            Map.entry(
                    "./annals bench server-load --subscribers 20 --appenders 64 --events 50",
                    "a load test, shown with its output: ServerLoadTest runs bench server-load small"),
            Map.entry(
                    "java -cp annals-bench/target/annals-bench.jar org.openjdk.jmh.Main 'dev.annals.bench.jmh' -wi 2 -i 3"
                            + " -w 1s -r 1s -f 1",
                    "the JMH micro-benchmarks, minutes long: not run in the build"),
            Map.entry("scripts/bench-append-matrix", "runs bench append for each row of a table: minutes long"),
            Map.entry(
                    "scripts/fuzz-http",
                    "the full fuzzing run, about 20 minutes: the suite runs the same HttpApiFuzzProperties with"
                            + " 2,400 requests, and FullFuzzRunTest checks that the script still sends 100,000"),
            Map.entry(
                    "keytool -genkeypair -alias annals -keyalg EC -groupname secp256r1 -validity 365"
                            + " -dname CN=annals.example -ext SAN=dns:annals.example,ip:127.0.0.1 -storetype PKCS12"
                            + " -keystore server.p12 -storepass \"$PASSWORD\"",
                    "ServerGuideTest runs the TLS steps"),
            Map.entry(
                    "keytool -exportcert -rfc -alias annals -keystore server.p12 -storepass \"$PASSWORD\""
                            + " -file server.crt",
                    "ServerGuideTest runs the TLS steps"),
            Map.entry(
                    "keytool -importcert -noprompt -alias annals -file server.crt -storetype PKCS12"
                            + " -keystore trust.p12 -storepass \"$PASSWORD\"",
                    "ServerGuideTest runs the TLS steps"),
            Map.entry(
                    "printf '%s\\n' \"$PASSWORD\" > password.txt && chmod 600 password.txt",
                    "ServerGuideTest runs the TLS steps"),
            Map.entry(
                    "./annals serve --tls-keystore server.p12 --tls-password-file password.txt",
                    "needs the TLS steps' key store: ServerGuideTest and ServeTlsTest serve HTTPS with one"),
            Map.entry(
                    "./annals serve --host 0.0.0.0 --tls-keystore server.p12 --tls-password-file password.txt",
                    "needs the TLS steps' key store: ServerGuideTest serves HTTPS with it"),
            Map.entry(
                    "ANNALS_TLS_PASSWORD=\"$PASSWORD\" ./annals serve --tls-keystore server.p12",
                    "sets an environment variable, which a run in this JVM cannot: ServeTlsTest serves HTTPS with"
                            + " the password from ANNALS_TLS_PASSWORD"));

    /** Lines that make a file the next commands read, run with bash in the guide's working directory. */
    static final Set<String> SHELL_STEPS = Set.of("printf '%s\\n' '{\"type\":\"Deposited\",\"data\":{\"amount\":7}}'"
            + " '{\"type\":\"Withdrawn\",\"data\":{\"amount\":3}}' > events.ndjson");

    private static final Pattern TOKEN_ID = Pattern.compile("^token (\\S+) ", Pattern.MULTILINE);

    /** The store {@code annals demo} leaves, made once: where each guide's data directory starts. */
    private static Path demoStore;

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path directory;

    private Path data;
    private String lastToken;

    @BeforeAll
    static void runTheDemoOnce(@TempDir Path template) {
        demoStore = template.resolve("annals-data");
        var demo = Cli.onSqlite(demoStore).run("demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    static Stream<Path> guides() throws IOException {
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(
                    Stream.of(ROOT.resolve("README.md")),
                    docs.filter(file -> file.toString().endsWith(".md")).sorted().toList().stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guides")
    void every_command_of_the_guide_runs_as_documented_or_is_covered_elsewhere(Path guide) throws Exception {
        data = directory.resolve("annals-data");
        copy(demoStore, data);
        var failures = new ArrayList<String>();
        for (var command : GuideCommands.of(guide).commands()) {
            problem(guide, command)
                    .ifPresent(problem ->
                            failures.add(guide.getFileName() + " " + command + "\n  " + problem.replace("\n", "\n  ")));
        }
        assertThat(failures)
                .as("commands of " + guide + " that do not run as documented")
                .isEmpty();
    }

    @Test
    void every_line_listed_as_covered_elsewhere_is_still_in_a_guide_and_most_run_here() throws Exception {
        var keys = new HashSet<String>();
        int run = 0;
        for (var guide : guides().toList()) {
            for (var command : GuideCommands.of(guide).commands()) {
                keys.add(command.key());
                if (command.isAnnals() && !command.isSynopsis() && !COVERED_ELSEWHERE.containsKey(command.key())) {
                    run++;
                }
            }
        }
        assertThat(keys)
                .as("lines of the guides")
                .containsAll(COVERED_ELSEWHERE.keySet())
                .containsAll(SHELL_STEPS);
        assertThat(run).as("annals commands of the guides that run here").isGreaterThan(35);
    }

    private Optional<String> problem(Path guide, GuideCommands.Command command) throws Exception {
        String key = command.key();
        if (COVERED_ELSEWHERE.containsKey(key) || command.isSynopsis()) {
            return Optional.empty();
        }
        if (command.isCurl()) {
            return guide.endsWith(Path.of("docs", "server.md"))
                    ? Optional.empty()
                    : Optional.of("a curl example outside docs/server.md: teach a guide test to run it");
        }
        if (SHELL_STEPS.contains(key)) {
            var result = GuideShell.run(command.text(), directory, Map.of());
            return result.exitCode() == 0
                    ? Optional.empty()
                    : Optional.of("exit " + result.exitCode() + ": " + result.output());
        }
        if (!command.isAnnals()) {
            return Optional.of("not an annals command: run it in a test, or list it in"
                    + " GuideCommandsTest.COVERED_ELSEWHERE with the test that covers it");
        }
        List<String> words;
        try {
            words = ShellWords.of(command.text());
        } catch (IllegalArgumentException e) {
            return Optional.of("needs a shell (" + e.getMessage() + "): make it a plain command, or list it in"
                    + " GuideCommandsTest.COVERED_ELSEWHERE with the test that covers it");
        }
        var invocation =
                GuideInvocation.of(words.subList(1, words.size()), data, directory, postgres::store, lastToken);
        if (invocation.problem().isPresent()) {
            return invocation.problem();
        }
        int expected = command.documentedExit();
        if (invocation.isServe()) {
            return serve(invocation.args(), expected);
        }
        var args = invocation.args();
        BackgroundServe server = null;
        if (invocation.server().isPresent()) {
            // A command that talks to a server: one serves the guide's data directory while it runs.
            server = BackgroundServe.start(Backends.installed(), "--data", data.toString(), "serve", "--port", "0");
            args = atServer(args, invocation.server().get(), server.uri());
        }
        Cli.Run run;
        try {
            run = Cli.onSqlite(data).runWithoutData(args.toArray(String[]::new));
        } finally {
            if (server != null) {
                server.stop();
            }
        }
        if (invocation.args().contains("tokens") && invocation.args().contains("create") && run.exitCode() == 0) {
            var id = TOKEN_ID.matcher(run.out());
            lastToken = id.find() ? id.group(1) : null;
        }
        return run.exitCode() == expected
                ? Optional.empty()
                : Optional.of("exit " + run.exitCode() + ", documented " + expected + "; ran annals "
                        + String.join(" ", args) + "\n" + run.out() + run.err());
    }

    /** {@code args} with the documented server address's scheme, host and port those of {@code server}. */
    static List<String> atServer(List<String> args, String documented, URI server) {
        var origin = URI.create(documented);
        String from = origin.getScheme() + "://" + origin.getRawAuthority();
        String to = server.getScheme() + "://" + server.getRawAuthority();
        return args.stream()
                .map(arg -> arg.startsWith(from) ? to + arg.substring(from.length()) : arg)
                .toList();
    }

    /** Starts {@code annals serve} until it prints its URL, then stops it; or sees it refuse as documented. */
    private static Optional<String> serve(List<String> args, int expected) throws InterruptedException {
        var serve = BackgroundServe.start(Backends.installed(), args.toArray(String[]::new));
        if (expected != 0) {
            int exit = serve.exitCode();
            return exit == expected
                    ? Optional.empty()
                    : Optional.of("exit " + exit + ", documented " + expected + "; ran annals " + String.join(" ", args)
                            + "\n" + serve.out() + serve.err());
        }
        try {
            serve.uri();
        } catch (AssertionError e) {
            return Optional.of("printed no URL; ran annals " + String.join(" ", args) + "\n" + e.getMessage());
        }
        int exit = serve.stop();
        return exit == 0 ? Optional.empty() : Optional.of("exit " + exit + " when stopped:\n" + serve.err());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (var file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
