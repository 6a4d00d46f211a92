package dev.annals.cli.readonly;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.store.sqlite.SqliteEventStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ReadBesideWriterTest}: holds the SQLite store in a data directory open for
 * writing, as a running server does. Opens account-1 with a deposit and prints {@code READY}; then for each
 * line {@code deposit N} on stdin deposits N cents and prints {@code OK}; exits when stdin closes.
 */
public final class WriterProcess {

    private WriterProcess() {}

    public static void main(String[] args) throws Exception {
        try (var store = SqliteEventStore.open(Path.of(args[0]))) {
            var accounts = Bank.ACCOUNTS.handler(store);
            accounts.handle("account-1", new AccountCommand.OpenAccount("Ann"));
            accounts.handle("account-1", new AccountCommand.Deposit(500));
            System.out.println("READY");
            System.out.flush();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("deposit ")) {
                    accounts.handle("account-1", new AccountCommand.Deposit(Long.parseLong(line.substring(8))));
                    System.out.println("OK");
                    System.out.flush();
                }
            }
        }
    }
}
