package dev.annals.example.bank.projection;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.example.bank.transfer.TransferStatus;
import dev.annals.projection.ProjectionOptions;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelQueryException;
import dev.annals.subscription.PositionAwaiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The bank's read models and transfer process after one scenario, with the same assertions on every
 * backend: each backend's test is a subclass that says only where its store is, as a user writes it (a
 * directory, a {@code postgresql://} URL); everything else goes through the backend seam.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class BankReadModelsContract {

    /** A store and the database its read models live in; closing it closes the store. */
    protected record Backend(EventStore store, JdbcReadModels readModels) {}

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Deployment deployment;
    private Backend backend;
    private BankReadSide readSide;

    /** The location of a new, empty store of the backend under test. */
    protected abstract String location();

    @BeforeEach
    void start_the_read_side() {
        deployment = Backends.installed().open(location(), OpenOptions.defaults());
        backend = new Backend(deployment.store(), deployment.require(JdbcReadModels.class, "SQL read models"));
        readSide = BankReadSide.start(
                backend.store(),
                backend.readModels(),
                ProjectionOptions.defaults()
                        .withMeterRegistry(new SimpleMeterRegistry())
                        .withControlInterval(Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() {
        readSide.close();
        deployment.close();
    }

    @Test
    void a_query_the_database_refuses_is_an_unchecked_error() {
        assertThatThrownBy(() -> backend.readModels().query("SELECT nothing FROM no_such_model", row -> 1))
                .isInstanceOf(ReadModelQueryException.class)
                .hasMessageStartingWith("a read-model query failed: ");
    }

    @Test
    void a_command_awaits_the_projections_and_a_query_reads_its_own_write() {
        var outcome = Bank.ACCOUNTS
                .handler(deployment)
                .handleAndAwait(
                        "account-9",
                        new AccountCommand.OpenAccount("Eve"),
                        PATIENCE,
                        readSide.runners().toArray(PositionAwaiter[]::new));

        assertThat(outcome.accepted()).isTrue();
        assertThat(backend.readModels()
                        .queryOne(
                                "SELECT owner, balance FROM balances WHERE account = ?",
                                row -> row.getString("owner") + "|" + row.getLong("balance"),
                                "account-9"))
                .contains("Eve|0");
        assertThat(backend.readModels().query("SELECT account FROM balances", row -> row.getString(1)))
                .containsExactly("account-9");
    }

    @Test
    void balances_history_and_daily_totals_follow_accounts_and_transfers() {
        runTheScenario();

        assertThat(rows("SELECT account, owner, balance, status FROM balances ORDER BY account"))
                .containsExactly(
                        "account-1|Ann|6500|OPEN",
                        "account-2|Bob|2500|OPEN",
                        "account-3|Cid|0|OPEN",
                        "account-4|Dee|0|CLOSED");
        assertThat(rows("SELECT kind, amount, transfer FROM account_history WHERE account = 'account-1'"
                        + " ORDER BY position"))
                .containsExactly(
                        "deposit|10000|",
                        "withdrawal|-1000|",
                        "transfer out|-2500|transfer-1",
                        "transfer out|-500|transfer-2",
                        "refund|500|transfer-2",
                        "transfer out|-100|transfer-4",
                        "refund|100|transfer-4",
                        "transfer out|-200|transfer-5",
                        "refund|200|transfer-5");
        assertThat(rows("SELECT account, kind, amount, transfer FROM account_history WHERE account <> 'account-1'"
                        + " ORDER BY position"))
                .containsExactly(
                        "account-4|deposit|500|",
                        "account-4|withdrawal|-500|",
                        "account-2|transfer in|2500|transfer-1");
        // Summed over days, so that a run across midnight (UTC) sees the same totals.
        assertThat(rows("SELECT SUM(money_in), SUM(money_out), SUM(movements) FROM daily_totals"))
                .containsExactly("13800|4800|12");
    }

    @Test
    void every_projection_handles_every_event_without_a_dead_letter() {
        runTheScenario();

        try (var states = backend.readModels().states()) {
            assertThat(states.deadLetters(Optional.empty())).isEmpty();
        }
    }

    /**
     * Four accounts, plain deposits and withdrawals, a closed account, and five transfers, each awaited
     * before the next so that the history's order is known: one completes, one fails for want of money,
     * three are refunded (target frozen, closed, never opened).
     */
    private void runTheScenario() {
        var accounts = Bank.ACCOUNTS.handler(backend.store());
        accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
        accounts.handle("account-1", new AccountCommand.Deposit(100_00));
        accounts.handle("account-1", new AccountCommand.Withdraw(10_00));
        accounts.handle("account-2", new AccountCommand.OpenAccount("Bob"));
        accounts.handle("account-3", new AccountCommand.OpenAccount("Cid"));
        accounts.handle("account-3", new AccountCommand.FreezeAccount("audit"));
        accounts.handle("account-4", new AccountCommand.OpenAccount("Dee"));
        accounts.handle("account-4", new AccountCommand.Deposit(5_00));
        accounts.handle("account-4", new AccountCommand.Withdraw(5_00));
        accounts.handle("account-4", new AccountCommand.CloseAccount());

        transfer("transfer-1", "account-1", "account-2", 25_00, TransferStatus.COMPLETED);
        transfer("transfer-2", "account-1", "account-3", 5_00, TransferStatus.COMPENSATED);
        transfer("transfer-3", "account-2", "account-1", 1_000_00, TransferStatus.FAILED);
        transfer("transfer-4", "account-1", "account-4", 1_00, TransferStatus.COMPENSATED);
        transfer("transfer-5", "account-1", "account-99", 2_00, TransferStatus.COMPENSATED);
        accounts.handle("account-3", new AccountCommand.UnfreezeAccount());

        readSide.awaitQuiet(backend.store(), PATIENCE);
    }

    private void transfer(String transfer, String source, String target, long amount, TransferStatus end) {
        Bank.TRANSFERS.handler(backend.store()).handle(transfer, new RequestTransfer(source, target, amount));
        var states = Bank.TRANSFERS.states(backend.store());
        await().atMost(PATIENCE).until(() -> states.current(transfer).state().status() == end);
    }

    /** The rows of {@code sql} over the read models' views, each as its columns joined by {@code |}. */
    private List<String> rows(String sql) {
        return backend.readModels().query(sql, rows -> {
            int columns = rows.getMetaData().getColumnCount();
            var row = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                row.append(c > 1 ? "|" : "").append(rows.getString(c));
            }
            return row.toString();
        });
    }
}
