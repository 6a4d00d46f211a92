package dev.annals.cli.replay;

import dev.annals.cli.Cli;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals --store postgresql://... replay}: the same on PostgreSQL. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresReplayTest {

    @TempDir
    Path unused;

    @Test
    void replays_into_a_new_version_in_the_stores_schema() throws Exception {
        String address = TestDatabase.newStoreAddress();
        var schema = PostgresAddress.parse(address).schema();
        try (var store = PostgresEventStore.open(PostgresAddress.parse(address))) {
            var accounts = Bank.ACCOUNTS.handler(store);
            accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
            accounts.handle("account-1", new AccountCommand.Deposit(3_00));
        }

        var replay = Cli.onSqlite(unused).runWithoutData("--store", address, "replay", "account-history");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out())
                .contains("into version 3 (live version 1 untouched): 2 event(s) read, 1 handled")
                .contains("replay: query account_history_v3");
        assertThat(rows(schema + ".account_history_v3")).containsExactly("account-1 deposit 300");
        assertThat(rows(schema + ".account_history"))
                .as("the live version's view, still on its empty table")
                .isEmpty();
    }

    private static List<String> rows(String table) throws Exception {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var rows =
                        statement.executeQuery("SELECT account, kind, amount FROM " + table + " ORDER BY position")) {
            var all = new ArrayList<String>();
            while (rows.next()) {
                all.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3));
            }
            return all;
        }
    }
}
