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
import java.time.ZoneOffset;
import java.util.List;

/**
 * Read model {@code daily_totals}: per UTC day (of the events' recorded-at time), the cents that came
 * into accounts, the cents that went out, and the number of movements.
 */
public final class DailyTotalsProjection {

    /** The projection's name. */
    public static final String NAME = "daily-totals";

    /** Its table. */
    public static final List<ReadModelTable> TABLES = List.of(ReadModelTable.of(
            "daily_totals",
            "day TEXT PRIMARY KEY, money_in INTEGER NOT NULL, money_out INTEGER NOT NULL, movements INTEGER NOT NULL"));

    private DailyTotalsProjection() {}

    /** The projection. */
    public static Projection<SqlContext> projection() {
        return Projection.<SqlContext>builder(NAME)
                .source(new ReadSource.Category(Bank.ACCOUNTS.category()))
                .events(AccountEvents.codec())
                .on(Deposited.class, (event, tx) -> add(tx, event.amount(), 0))
                .on(Withdrawn.class, (event, tx) -> add(tx, 0, event.amount()))
                .on(TransferDebited.class, (event, tx) -> add(tx, 0, event.amount()))
                .on(TransferCredited.class, (event, tx) -> add(tx, event.amount(), 0))
                .on(TransferRefunded.class, (event, tx) -> add(tx, event.amount(), 0))
                .build();
    }

    private static void add(SqlContext tx, long in, long out) throws SQLException {
        String day =
                tx.event().recordedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        // The row being updated is named by an alias: PostgreSQL refuses a bare "money_in" there as ambiguous
        // (the table's column or excluded's?), and the physical table's name is not ours to write.
        tx.update(
                "INSERT INTO {daily_totals} AS totals (day, money_in, money_out, movements) VALUES (?, ?, ?, 1)"
                        + " ON CONFLICT (day) DO UPDATE SET money_in = totals.money_in + excluded.money_in,"
                        + " money_out = totals.money_out + excluded.money_out, movements = totals.movements + 1",
                day,
                in,
                out);
    }
}
