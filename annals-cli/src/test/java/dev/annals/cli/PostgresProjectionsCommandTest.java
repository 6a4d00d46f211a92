package dev.annals.cli;

import dev.annals.event.EventData;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.projection.BalancesProjection;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.segment.SegmentOptions;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresOptions;
import dev.annals.store.postgres.PostgresProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code annals projections} and {@code annals dlq} with {@code --store postgresql://...}, while the
 * application (here, this test) runs projections on the same schema: segmented projections show their
 * segments and lease owners; dead letters kept in PostgreSQL are listed, retried and skipped. And an address
 * whose pool is larger than the server accepts is refused as the command's bad input, and one that cannot be reached
 * or refuses the login is named without its password.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PostgresProjectionsCommandTest {

    private static final String JDBC_URL = System.getProperty(
            "ANNALS_TEST_POSTGRES_URL",
            System.getenv()
                    .getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private final String schema =
            "annals_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private PostgresEventStore store;

    @TempDir
    Path unused;

    @BeforeEach
    void open() {
        store = PostgresEventStore.open(JDBC_URL, PostgresOptions.defaults().withSchema(schema));
    }

    @AfterEach
    void dropSchema() throws Exception {
        store.close();
        try (var connection = DriverManager.getConnection(JDBC_URL);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Cli.Run run(String... args) {
        var all = new String[args.length + 2];
        all[0] = "--store";
        all[1] = JDBC_URL.replaceFirst("^jdbc:", "") + (JDBC_URL.contains("?") ? "&" : "?") + "schema=" + schema;
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.onSqlite(unused.resolve("no-data")).runWithoutData(all);
    }

    @Test
    void a_pool_larger_than_the_server_accepts_exits_2_naming_both_numbers_and_writes_nothing() throws Exception {
        int accepted;
        try (var connection = DriverManager.getConnection(JDBC_URL);
                var row = connection.createStatement().executeQuery("SHOW max_connections")) {
            row.next();
            accepted = Integer.parseInt(row.getString(1));
        }

        var first = run("append", "account-1", "Opened", "{}");
        assertThat(first.exitCode()).as(first.err()).isZero();

        var tooLarge = Cli.onSqlite(unused.resolve("no-data"))
                .runWithoutData(
                        "--store",
                        JDBC_URL.replaceFirst("^jdbc:", "") + "&schema=" + schema + "&poolSize=" + (accepted + 1),
                        "append",
                        "account-1",
                        "Opened",
                        "{}");

        assertThat(tooLarge.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLarge.err())
                .contains("poolSize " + (accepted + 1))
                .contains("more than the " + accepted + " connections the server accepts in all")
                .doesNotContain("Exception", "at dev.", "SELECT");
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void a_server_that_cannot_be_reached_or_refuses_the_login_is_named_without_the_password_and_no_trace() {
        // Port 1 on the loopback: nothing listens there.
        var unreachable = Cli.onSqlite(unused.resolve("no-data"))
                .runWithoutData(
                        "--store",
                        "postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&schema=" + schema,
                        "append",
                        "account-1",
                        "Opened",
                        "{}");
        var unknownRole = Cli.onSqlite(unused.resolve("no-data"))
                .runWithoutData(
                        "--store",
                        "postgresql://127.0.0.1:5432/test?user=annals_no_such_role&password=hunter2&schema=" + schema,
                        "append",
                        "account-1",
                        "Opened",
                        "{}");

        for (var run : List.of(unreachable, unknownRole)) {
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err())
                    .startsWith("annals: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:")
                    .contains("password=***")
                    .doesNotContain("hunter2", "Exception", "\tat ", "zaxxer");
        }
        assertThat(unknownRole.err()).contains("annals_no_such_role");
    }

    @Test
    void lists_the_segments_of_a_segmented_projection_with_their_lease_owners_and_pauses_them_all() {
        var accounts = Bank.ACCOUNTS.handler(store);
        for (int i = 0; i < 6; i++) {
            accounts.handle("account-" + i, new AccountCommand.OpenAccount("owner " + i));
        }
        var options = SegmentOptions.of(2)
                .withWorker("worker-x")
                .withRunner(ProjectionOptions.defaults()
                        .withMeterRegistry(new SimpleMeterRegistry())
                        .withControlInterval(Duration.ofMillis(100)));
        try (var worker = PostgresProjections.startWorker(
                store, BalancesProjection.projection(), BalancesProjection.TABLES, options)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var listed = run("projections");
                assertThat(listed.exitCode()).as(listed.err()).isZero();
                assertThat(listed.out())
                        .containsPattern("balances-seg-0\\s+RUNNING")
                        .containsPattern("balances-seg-1\\s+RUNNING")
                        .containsPattern("balances\\s+0/2\\s+worker-x\\s+1\\s+held until ")
                        .containsPattern("balances\\s+1/2\\s+worker-x\\s+1\\s+held until ");
            });

            var paused = run("projections", "pause", "balances");
            var rebuild = run("projections", "rebuild", "balances");

            assertThat(paused.exitCode()).as(paused.err()).isZero();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(run("projections").out())
                            .containsPattern("balances-seg-0\\s+PAUSED")
                            .containsPattern("balances-seg-1\\s+PAUSED"));
            assertThat(rebuild.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(rebuild.err()).contains("projection balances is split into segments");
            assertThat(worker.segments()).containsExactly(0, 1);
        }
        assertThat(run("projections").out()).containsPattern("balances\\s+0/2\\s+-\\s+1\\s+free");
    }

    @Test
    void lists_retries_and_skips_dead_letters_kept_in_postgresql() throws Exception {
        store.append("account-1", ExpectedVersion.noStream(), EventData.of("Deposited", "{\"amount\":5}"));
        long id;
        try (var readModel = PostgresProjections.readModel(store, BalancesProjection.TABLES)) {
            var now = Instant.now();
            // As the runner that parked it would have: a projection is known by what its runner reports.
            readModel
                    .states()
                    .report(new ProjectionHealth("balances", ProjectionState.RUNNING, 0, 1, 1, 0, 1, "", now));
            id = readModel.transact(tx -> tx.park(new DeadLetter(
                    0,
                    "balances",
                    1,
                    UUID.randomUUID(),
                    "Deposited",
                    "java.lang.IllegalStateException: boom",
                    5,
                    now,
                    now,
                    DeadLetterStatus.PARKED)));
        }

        var listed = run("dlq", "list");
        var retried = run("dlq", "retry", Long.toString(id));
        var skipped = run("dlq", "skip", Long.toString(id));
        var after = run("dlq", "list", "balances");
        var unknown = run("dlq", "skip", Long.toString(id));

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out())
                .contains(id + "  balances  position 1")
                .contains("PARKED after 5 attempts")
                .contains("error: java.lang.IllegalStateException: boom");
        assertThat(retried.out()).contains("dead letter " + id + ": retry requested");
        assertThat(skipped.out()).contains("dead letter " + id + ": skipped");
        assertThat(after.out()).contains("No open dead letters.");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(unknown.err()).contains("no open dead letter with id " + id);
    }
}
