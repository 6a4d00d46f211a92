package dev.annals.example.bank.projection;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.TransferCredited;
import dev.annals.example.bank.account.AccountEvent.TransferDebited;
import dev.annals.example.bank.account.AccountEvent.TransferRefunded;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.projection.Projection;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.sql.SQLException;
import java.util.List;

/**
 * Read model {@code account_history}: every movement of money on each account, with its global position,
 * kind, signed amount (cents), transfer id (empty for plain deposits and withdrawals) and time.
 */
public final class AccountHistoryProjection {

    /** The projection's name. */
    public static final String NAME = "account-history";

    /** Its table, indexed by account. */
    public static final List<ReadModelTable> TABLES = List.of(ReadModelTable.of(
                    "account_history",
                    "position INTEGER NOT NULL, kind TEXT NOT NULL, account TEXT NOT NULL, amount INTEGER NOT NULL,"
                            + " transfer TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (position, kind)")
            .withIndex("account, position"));

    private AccountHistoryProjection() {}

    /** The projection. */
    public static Projection<SqlContext> projection() {
        return Projection.<SqlContext>builder(NAME)
                .source(new ReadSource.Category(Bank.ACCOUNTS.category()))
                .events(AccountEvents.codec())
                .on(Deposited.class, (event, tx) -> line(tx, "deposit", event.amount(), ""))
                .on(Withdrawn.class, (event, tx) -> line(tx, "withdrawal", -event.amount(), ""))
                .on(TransferDebited.class, (event, tx) -> line(tx, "transfer out", -event.amount(), event.transferId()))
                .on(TransferCredited.class, (event, tx) -> line(tx, "transfer in", event.amount(), event.transferId()))
                .on(TransferRefunded.class, (event, tx) -> line(tx, "refund", event.amount(), event.transferId()))
                .build();
    }

    private static void line(SqlContext tx, String kind, long amount, String transfer) throws SQLException {
        var event = tx.event();
        tx.update(
                "INSERT INTO {account_history} (position, kind, account, amount, transfer, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.position(),
                kind,
                event.stream(),
                amount,
                transfer,
                event.recordedAt().toString());
    }
}
