package dev.annals.example.bank.demo;

import dev.annals.decider.CommandMessage;
import dev.annals.event.Metadata;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand.FreezeAccount;
import dev.annals.example.bank.projection.BankReadSide;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionOptions;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The second half of the bank demo: the read side catching up, a transfer, a transfer compensated
 * because its target is frozen, and the read models that show them.
 */
final class TransferDemo {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStore store;
    private final PrintStream out;
    private final JdbcReadModels readModels;

    TransferDemo(EventStore store, PrintStream out, JdbcReadModels readModels) {
        this.store = requireNonNull(store, "store");
        this.out = requireNonNull(out, "out");
        this.readModels = requireNonNull(readModels, "readModels");
    }

    void run(String alice, String bob) {
        try (var readSide = BankReadSide.start(
                store, readModels, ProjectionOptions.defaults().withControlInterval(Duration.ofMillis(200)))) {
            out.println();
            out.println("Read side: projections start from their checkpoints; the store's head is at "
                    + store.headPosition());
            readSide.runners().forEach(runner -> out.println("  " + describe(runner.health())));
            readSide.awaitQuiet(store, PATIENCE);
            out.println("...caught up:");
            readSide.runners().forEach(runner -> out.println("  " + describe(runner.health())));

            String first = alice.replace("account-", "transfer-");
            transfer(readSide, first, alice, bob, 20_00);
            out.println();
            out.println("> " + bob + ": freeze it, so that the next transfer's credit is refused");
            Bank.ACCOUNTS
                    .handler(store)
                    .handle(
                            bob,
                            CommandMessage.of(
                                    new FreezeAccount("demo"), Metadata.empty().withUser("demo")));
            transfer(readSide, first + "-b", alice, bob, 5_00);
            readSide.awaitQuiet(store, PATIENCE);
            printReadModels(alice, bob);
        }
    }

    private void transfer(BankReadSide readSide, String transfer, String from, String to, long amount) {
        out.println();
        out.println("> " + transfer + ": transfer " + amount + " cents from " + from + " to " + to);
        Bank.TRANSFERS
                .handler(store)
                .handle(
                        transfer,
                        CommandMessage.of(
                                new RequestTransfer(from, to, amount),
                                Metadata.empty().withUser("demo")));
        readSide.awaitQuiet(store, PATIENCE);
        try (var events = store.readStream(transfer)) {
            events.forEach(event -> out.println("    " + event.stream() + "@" + event.streamVersion() + " #"
                    + event.position() + " " + event.type() + " " + event.payloadAsString()));
        }
        out.println("  " + transfer + " is "
                + Bank.TRANSFERS.states(store).current(transfer).state().status());
    }

    private void printReadModels(String alice, String bob) {
        out.println();
        out.println("Read models, queried through their views:");
        try (var connection = readModels.connections().open()) {
            query(
                    connection,
                    "balances",
                    "SELECT account, owner, balance, status FROM balances WHERE account IN ('" + alice + "', '" + bob
                            + "') ORDER BY account");
            query(
                    connection,
                    "account_history of " + alice,
                    "SELECT position, kind, amount, transfer FROM account_history" + " WHERE account = '" + alice
                            + "' ORDER BY position");
            query(
                    connection,
                    "daily_totals",
                    "SELECT day, money_in, money_out, movements FROM daily_totals ORDER BY day");
        } catch (SQLException e) {
            out.println("  (the read models could not be queried: " + e.getMessage() + ")");
        }
    }

    private void query(java.sql.Connection connection, String title, String sql) throws SQLException {
        out.println("  " + title + ":");
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var line = new StringBuilder("    ");
                for (int c = 1; c <= columns; c++) {
                    line.append(c > 1 ? " | " : "").append(rows.getString(c));
                }
                out.println(line);
            }
        }
    }

    private static String describe(ProjectionHealth health) {
        return String.format(
                "%-17s %-9s checkpoint %-6d %d events behind",
                health.projection(), health.state(), health.checkpoint(), health.eventsBehind());
    }
}
