package dev.annals.drill.drills;

import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.load.DrillEvent;
import dev.annals.projection.Projection;
import dev.annals.projection.segment.StreamSegments;
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
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The kill-projection drill's read model: balances and the count of events applied, by account, in SQL
 * tables beside the store, written in the transaction that moves the projection's checkpoint. It is not
 * idempotent on purpose: only the checkpoint's transaction keeps an event from being applied twice after a
 * kill, and an event applied twice or skipped shows as a count (and a balance) that differs from the log.
 *
 * <p>It comes in two forms: {@link #SINGLE}, one projection with one position row, and {@link #SEGMENTED},
 * a projection split into {@link #SEGMENTS} segments by stream, with a position row per segment (one shared
 * row would make every segment wait for the one the drill stops mid-batch). The checker sees the segmented
 * form as one read model per segment, each covering its own streams only.
 *
 * <p>Its rows are keyed by account stream, so runs on the same store keep apart; the projections' names are
 * fixed, so that a later run does not read the drill category's whole history again (and, segmented, so that
 * the number of segments never changes under a name).
 */
final class CheckpointedBalances implements ReadModelView {

    /** How many segments the segmented form has; fixed for good under its name. */
    static final int SEGMENTS = 6;

    /**
     * Where one form lives: its projection's name, its tables, and the position row an event of a stream moves.
     */
    record Layout(String name, String balances, String positions, ToIntFunction<String> positionRow) {
        /** Balances, and the position of the last drill event applied (per row), in one transaction. */
        List<ReadModelTable> tables() {
            return List.of(
                    ReadModelTable.of(
                            balances,
                            "account VARCHAR(200) PRIMARY KEY, balance BIGINT NOT NULL, applied BIGINT NOT NULL"),
                    ReadModelTable.of(positions, "id INTEGER PRIMARY KEY, position BIGINT NOT NULL"));
        }
    }

    /** One projection, one position row. */
    static final Layout SINGLE =
            new Layout("drill-checkpointed-balances", "drill_balances", "drill_balances_position", stream -> 1);

    /** A projection in segments, a position row per segment (its number). */
    static final Layout SEGMENTED = new Layout(
            "drill-segmented-balances",
            "drill_segment_balances",
            "drill_segment_positions",
            stream -> StreamSegments.segmentOf(stream, SEGMENTS));

    private final Layout layout;
    private final String name;
    private final int row;
    private final Predicate<String> kept;
    private final String streamPrefix;
    private final JdbcReadModels database;
    private final long from;

    private CheckpointedBalances(
            Layout layout,
            String name,
            int row,
            Predicate<String> kept,
            String streamPrefix,
            JdbcReadModels database,
            long from) {
        this.layout = layout;
        this.name = name;
        this.row = row;
        this.kept = kept;
        this.streamPrefix = streamPrefix;
        this.database = database;
        this.from = from;
    }

    /** The view of the single form for the checker, read from {@code database}; before any row, at {@code from}. */
    static CheckpointedBalances single(String streamPrefix, JdbcReadModels database, long from) {
        return new CheckpointedBalances(SINGLE, SINGLE.name(), 1, stream -> true, streamPrefix, database, from);
    }

    /** The views of the segmented form's segments, one each, as {@link #single} otherwise. */
    static List<ReadModelView> segments(String streamPrefix, JdbcReadModels database, long from) {
        return IntStream.range(0, SEGMENTS)
                .<ReadModelView>mapToObj(segment -> new CheckpointedBalances(
                        SEGMENTED,
                        SEGMENTED.name() + " segment " + segment,
                        segment,
                        stream -> SEGMENTED.positionRow().applyAsInt(stream) == segment,
                        streamPrefix,
                        database,
                        from))
                .toList();
    }

    /**
     * The projection that keeps the form {@code layout}, for the accounts of streams named {@code streamPrefix...},
     * calling {@code beforeApply} inside the read model's transaction before it applies each event of the drill's
     * accounts: where the kill-projection drill's workers stop to be killed.
     */
    static Projection<SqlContext> projection(Layout layout, String streamPrefix, Consumer<SqlContext> beforeApply) {
        return Projection.<SqlContext>builder(layout.name())
                .source(new ReadSource.Category("drill"))
                .events(DrillEvent.codec())
                .on(DrillEvent.Deposited.class, (event, tx) -> apply(layout, streamPrefix, beforeApply, event, tx))
                .on(DrillEvent.Withdrawn.class, (event, tx) -> apply(layout, streamPrefix, beforeApply, event, tx))
                .build();
    }

    private static void apply(
            Layout layout, String streamPrefix, Consumer<SqlContext> beforeApply, DrillEvent event, SqlContext tx)
            throws SQLException {
        var recorded = tx.event();
        if (!recorded.stream().startsWith(streamPrefix)) {
            return;
        }
        beforeApply.accept(tx);
        String balances = "{" + layout.balances() + "}";
        int changed = tx.update(
                "UPDATE " + balances + " SET balance = balance + ?, applied = applied + 1 WHERE account = ?",
                event.delta(),
                recorded.stream());
        if (changed == 0) {
            tx.update(
                    "INSERT INTO " + balances + " (account, balance, applied) VALUES (?, ?, 1)",
                    recorded.stream(),
                    event.delta());
        }
        String positions = "{" + layout.positions() + "}";
        int id = layout.positionRow().applyAsInt(recorded.stream());
        if (tx.update("UPDATE " + positions + " SET position = ? WHERE id = ?", recorded.position(), id) == 0) {
            tx.update("INSERT INTO " + positions + " (id, position) VALUES (?, ?)", id, recorded.position());
        }
    }

    @Override
    public String name() {
        return name;
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
                    "SELECT p.position, b.account, b.balance, b.applied FROM " + layout.positions() + " p"
                            + " LEFT JOIN " + layout.balances() + " b ON b.account LIKE ? WHERE p.id = ?",
                    result -> new Row(result.getLong(1), result.getString(2), result.getLong(3), result.getLong(4)),
                    streamPrefix + "%",
                    row);
        } catch (ReadModelQueryException notYetCreated) {
            return new Snapshot(from, Map.of()).covering(kept);
        }
        var balances = new HashMap<String, Long>();
        var applied = new HashMap<String, Long>();
        long position = from;
        for (Row found : rows) {
            position = found.position();
            if (found.account() != null && kept.test(found.account())) {
                balances.put(found.account(), found.balance());
                applied.put(found.account(), found.applied());
            }
        }
        if (balances.isEmpty()) {
            return new Snapshot(from, Map.of()).covering(kept);
        }
        return new Snapshot(position, balances, applied).covering(kept);
    }

    private record Row(long position, String account, long balance, long applied) {}
}
