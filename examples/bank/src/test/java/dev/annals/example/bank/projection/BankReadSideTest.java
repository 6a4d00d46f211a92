package dev.annals.example.bank.projection;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.example.bank.transfer.TransferStatus;
import dev.annals.projection.ProjectionOptions;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bank's read models and transfer process on a real SQLite store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankReadSideTest {

    @TempDir
    Path data;

    @Test
    void balances_history_and_daily_totals_follow_accounts_and_transfers() throws Exception {
        try (var store = SqliteEventStore.open(data);
             var readSide = BankReadSide.start(store, SqliteProjections.readModels(data),
                     ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry())
                             .withControlInterval(Duration.ofMillis(100)))) {
            var accounts = Bank.ACCOUNTS.handler(store);
            accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
            accounts.handle("account-1", new AccountCommand.Deposit(100_00));
            accounts.handle("account-2", new AccountCommand.OpenAccount("Bob"));
            accounts.handle("account-3", new AccountCommand.OpenAccount("Cid"));
            accounts.handle("account-3", new AccountCommand.FreezeAccount("audit"));
            var transfers = Bank.TRANSFERS.handler(store);
            transfers.handle("transfer-1", new RequestTransfer("account-1", "account-2", 25_00));
            transfers.handle("transfer-2", new RequestTransfer("account-1", "account-3", 5_00));
            var states = Bank.TRANSFERS.states(store);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    states.current("transfer-1").state().status() == TransferStatus.COMPLETED
                            && states.current("transfer-2").state().status() == TransferStatus.COMPENSATED);

            readSide.awaitPosition(store.headPosition(), Duration.ofSeconds(10));

            assertThat(rows("SELECT account, owner, balance, status FROM balances ORDER BY account")).containsExactly(
                    "account-1|Ann|7500|OPEN", "account-2|Bob|2500|OPEN", "account-3|Cid|0|FROZEN");
            assertThat(rows("SELECT kind, amount, transfer FROM account_history WHERE account = 'account-1'"
                    + " ORDER BY position")).containsExactly("deposit|10000|", "transfer out|-2500|transfer-1",
                    "transfer out|-500|transfer-2", "refund|500|transfer-2");
            assertThat(rows("SELECT money_in, money_out, movements FROM daily_totals"))
                    .containsExactly("13000|3000|5");
        }
    }

    private List<String> rows(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
             var rows = connection.createStatement().executeQuery(sql)) {
            var all = new ArrayList<String>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rows.getString(c));
                }
                all.add(row.toString());
            }
            return all;
        }
    }
}
