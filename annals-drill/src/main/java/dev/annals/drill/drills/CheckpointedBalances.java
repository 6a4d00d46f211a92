package dev.annals.drill.drills;

import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.load.DrillEvent;
import dev.annals.projection.Projection;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelQueryException;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kill-projection drill's read model: balances and the count of events applied, by account, in SQL
 * tables beside the store, written in the transaction that moves the projection's checkpoint. It is not
 * idempotent on purpose: only the checkpoint's transaction keeps an event from being applied twice after a
 * kill, and an event applied twice or skipped shows as a count (and a balance) that differs from the log.
 *
 * <p>Its rows are keyed by account stream, so runs on the same store keep apart; the projection's name is
 * fixed, so that a later run does not read the drill category's whole history again.
 */
final class CheckpointedBalances implements ReadModelView {

    static final String NAME = "drill-checkpointed-balances";

    /** Balances, and the position of the last drill event applied (one row), in one transaction. */
    static final List<ReadModelTable> TABLES = List.of(
            ReadModelTable.of(
                    "drill_balances",
                    "account VARCHAR(200) PRIMARY KEY, balance BIGINT NOT NULL, applied BIGINT NOT NULL"),
            ReadModelTable.of("drill_balances_position", "id INTEGER PRIMARY KEY, position BIGINT NOT NULL"));

    private final String streamPrefix;
    private final JdbcReadModels database;
    private final long from;

    /** The view of it for the checker, read from {@code database}; before any row, at position {@code from}. */
    CheckpointedBalances(String streamPrefix, JdbcReadModels database, long from) {
        this.streamPrefix = streamPrefix;
        this.database = database;
        this.from = from;
    }

    /** The projection that keeps it, for the accounts of streams named {@code streamPrefix...}. */
    static Projection<SqlContext> projection(String streamPrefix) {
        return projection(streamPrefix, tx -> {});
    }

    /**
     * The projection, calling {@code beforeApply} inside the read model's transaction before it applies each
     * event of the drill's accounts: where the kill-projection drill's worker stops to be killed.
     */
    static Projection<SqlContext> projection(String streamPrefix, Consumer<SqlContext> beforeApply) {
        return Projection.<SqlContext>builder(NAME)
                .source(new ReadSource.Category("drill"))
                .events(DrillEvent.codec())
                .on(DrillEvent.Deposited.class, (event, tx) -> apply(streamPrefix, beforeApply, event, tx))
                .on(DrillEvent.Withdrawn.class, (event, tx) -> apply(streamPrefix, beforeApply, event, tx))
                .build();
    }

    private static void apply(String streamPrefix, Consumer<SqlContext> beforeApply, DrillEvent event, SqlContext tx)
            throws SQLException {
        var recorded = tx.event();
        if (!recorded.stream().startsWith(streamPrefix)) {
            return;
        }
        beforeApply.accept(tx);
        int changed = tx.update(
                "UPDATE {drill_balances} SET balance = balance + ?, applied = applied + 1 WHERE account = ?",
                event.delta(),
                recorded.stream());
        if (changed == 0) {
            tx.update(
                    "INSERT INTO {drill_balances} (account, balance, applied) VALUES (?, ?, 1)",
                    recorded.stream(),
                    event.delta());
        }
        if (tx.update("UPDATE {drill_balances_position} SET position = ? WHERE id = 1", recorded.position()) == 0) {
            tx.update("INSERT INTO {drill_balances_position} (id, position) VALUES (1, ?)", recorded.position());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One statement, so that the position and the balances are read at one moment. Before the worker has
     * created the tables, or applied anything of this run, it is at {@code from}: behind every check.
     */
    @Override
    public Snapshot snapshot() {
        List<Row> rows;
        try {
            rows = database.query(
                    "SELECT p.position, b.account, b.balance, b.applied FROM drill_balances_position p"
                            + " LEFT JOIN drill_balances b ON b.account LIKE ? WHERE p.id = 1",
                    result -> new Row(result.getLong(1), result.getString(2), result.getLong(3), result.getLong(4)),
                    streamPrefix + "%");
        } catch (ReadModelQueryException notYetCreated) {
            return new Snapshot(from, Map.of());
        }
        var balances = new HashMap<String, Long>();
        var applied = new HashMap<String, Long>();
        long position = from;
        for (Row row : rows) {
            position = row.position();
            if (row.account() != null) {
                balances.put(row.account(), row.balance());
                applied.put(row.account(), row.applied());
            }
        }
        if (balances.isEmpty()) {
            return new Snapshot(from, Map.of());
        }
        return new Snapshot(position, balances, applied);
    }

    private record Row(long position, String account, long balance, long applied) {}
}
