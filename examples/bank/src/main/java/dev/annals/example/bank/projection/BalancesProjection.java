package dev.annals.example.bank.projection;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountEvent.AccountClosed;
import dev.annals.example.bank.account.AccountEvent.AccountFrozen;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.AccountUnfrozen;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.TransferCredited;
import dev.annals.example.bank.account.AccountEvent.TransferDebited;
import dev.annals.example.bank.account.AccountEvent.TransferRefunded;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.projection.Projection;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Addend;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.sql.SQLException;
import java.util.List;

/** Read model {@code balances}: one row per account with its owner, balance (cents) and status. */
public final class BalancesProjection {

    /** The projection's name. */
    public static final String NAME = "balances";

    /** Its table. */
    public static final List<ReadModelTable> TABLES = List.of(ReadModelTable.of(
            "balances",
            "account TEXT PRIMARY KEY, owner TEXT NOT NULL, balance INTEGER NOT NULL, status TEXT NOT NULL"));

    private BalancesProjection() {}

    /** The projection. */
    public static Projection<SqlContext> projection() {
        return Projection.<SqlContext>builder(NAME)
                .source(new ReadSource.Category(Bank.ACCOUNTS.category()))
                .events(AccountEvents.codec())
                .on(
                        AccountOpened.class,
                        (event, tx) -> tx.batch(
                                "INSERT INTO {balances} (account, owner, balance,"
                                        + " status) VALUES (?, ?, 0, 'OPEN') ON CONFLICT (account) DO NOTHING",
                                account(tx),
                                event.owner()))
                .on(Deposited.class, (event, tx) -> add(tx, event.amount()))
                .on(Withdrawn.class, (event, tx) -> add(tx, -event.amount()))
                .on(TransferDebited.class, (event, tx) -> add(tx, -event.amount()))
                .on(TransferCredited.class, (event, tx) -> add(tx, event.amount()))
                .on(TransferRefunded.class, (event, tx) -> add(tx, event.amount()))
                .on(AccountFrozen.class, (event, tx) -> status(tx, "FROZEN"))
                .on(AccountUnfrozen.class, (event, tx) -> status(tx, "OPEN"))
                .on(AccountClosed.class, (event, tx) -> status(tx, "CLOSED"))
                .build();
    }

    private static void add(SqlContext tx, long cents) throws SQLException {
        // Additive: a batch's changes to one account reach the table as one update (ADR 0040).
        tx.batch("UPDATE {balances} SET balance = balance + ? WHERE account = ?", Addend.of(cents), account(tx));
    }

    private static void status(SqlContext tx, String status) throws SQLException {
        tx.batch("UPDATE {balances} SET status = ? WHERE account = ?", status, account(tx));
    }

    private static String account(SqlContext tx) {
        return tx.event().stream();
    }
}
