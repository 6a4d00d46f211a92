package dev.annals.cli.replay;

import dev.annals.cli.Cli;
import dev.annals.decider.CommandOutcome;
import dev.annals.event.EventData;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.projection.BalancesProjection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.RebuildMode;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals replay} on the SQLite store while the application's runner keeps the live read model going. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayCommandTest {

    @TempDir
    Path data;

    private SqliteEventStore store;
    private JdbcReadModelStore readModel;
    private ProjectionRunner<SqlContext> runner;

    @BeforeEach
    void start() {
        store = SqliteEventStore.open(data);
        readModel = SqliteProjections.readModel(store, BalancesProjection.TABLES);
        runner = ProjectionRunner.start(
                BalancesProjection.projection(),
                store,
                readModel,
                ProjectionOptions.defaults()
                        .withMeterRegistry(new SimpleMeterRegistry())
                        .withControlInterval(Duration.ofMillis(100)));
        var accounts = Bank.ACCOUNTS.handler(store);
        accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
        accounts.handle("account-1", new AccountCommand.Deposit(5_00));
        accounts.handle("account-2", new AccountCommand.OpenAccount("Bob"));
        runner.awaitPosition(
                position(accounts.handle("account-2", new AccountCommand.Deposit(7_00))), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        runner.close();
        readModel.close();
        store.close();
    }

    private static long position(CommandOutcome<?> outcome) {
        return ((CommandOutcome.Accepted<?>) outcome).position();
    }

    private List<String> rows(String table) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT account, owner, balance, status FROM " + table + " ORDER BY account")) {
            var all = new ArrayList<String>();
            while (rows.next()) {
                all.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3) + " " + rows.getString(4));
            }
            return all;
        }
    }

    @Test
    void replays_into_a_new_version_beside_the_live_one_which_keeps_running_untouched() throws Exception {
        var replay = Cli.onSqlite(data).run("replay", "balances", "--progress");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.outLines().get(0))
                .startsWith("replay: balances positions 1..4 into version 3"
                        + " (live version 1 untouched): 4 event(s) read, 4 handled, in ");
        assertThat(replay.outLines().get(1)).isEqualTo("replay: query balances_v3");
        assertThat(replay.err())
                .contains("\rreplay balances [")
                .contains("4/4 positions")
                .endsWith("\n");
        assertThat(rows("balances_v3")).containsExactly("account-1 Ann 500 OPEN", "account-2 Bob 700 OPEN");
        assertThat(rows("balances")).isEqualTo(rows("balances_v1")).isEqualTo(rows("balances_v3"));
        assertThat(readModel.states().control("balances").liveVersion()).isEqualTo(1);

        long later = position(Bank.ACCOUNTS.handler(store).handle("account-1", new AccountCommand.Deposit(1_00)));
        runner.awaitPosition(later, Duration.ofSeconds(10));
        assertThat(rows("balances")).first().isEqualTo("account-1 Ann 600 OPEN");
        assertThat(rows("balances_v3"))
                .as("a replay is a snapshot up to the head when it started")
                .first()
                .isEqualTo("account-1 Ann 500 OPEN");
    }

    @Test
    void replays_a_range_of_positions_into_a_partial_version() throws Exception {
        var replay = Cli.onSqlite(data).run("replay", "balances", "--from", "3", "--to", "3");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.outLines().get(0)).contains("positions 3..3").contains("1 event(s) read, 1 handled");
        assertThat(replay.outLines().get(1))
                .isEqualTo(
                        "replay: query balances_v3 (partial: only the effects of" + " positions 3..3 on empty tables)");
        assertThat(rows("balances_v3")).containsExactly("account-2 Bob 0 OPEN");
        assertThat(rows("balances")).hasSize(2);
    }

    @Test
    void a_second_replay_replaces_the_first() throws Exception {
        Cli.onSqlite(data).run("replay", "balances", "--to", "1");

        var again = Cli.onSqlite(data).run("replay", "balances");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(rows("balances_v3")).hasSize(2);
    }

    @Test
    void stops_on_an_event_the_handlers_fail_on_naming_it() throws Exception {
        var poison =
                store.append("account-1", ExpectedVersion.any(), EventData.of("Deposited", "{\"cents\":\"lots\"}"));

        var replay = Cli.onSqlite(data).run("replay", "balances", "--batch-size", "1");

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err())
                .contains("projection balances failed on position " + poison.position() + " event id ")
                .contains("type Deposited (stream account-1)");
        assertThat(rows("balances_v3")).as("what came before its batch").hasSize(2);
        assertThat(rows("balances")).hasSize(2);
    }

    @Test
    void refuses_while_a_rebuild_is_requested() {
        runner.pause();
        readModel.states().requestRebuild("balances", RebuildMode.BLUE_GREEN);

        var replay = Cli.onSqlite(data).run("replay", "balances");

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains("projection balances has a BLUE_GREEN rebuild requested or under way");
    }

    @Test
    void names_the_known_read_models_when_given_another_and_checks_the_range() {
        var unknown = Cli.onSqlite(data).run("replay", "transfer-process");
        var backwards = Cli.onSqlite(data).run("replay", "balances", "--from", "5", "--to", "2");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("no read model 'transfer-process'; known: balances, account-history, daily-totals");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("a replay ends at or after its start 5, was 2");
    }
}
