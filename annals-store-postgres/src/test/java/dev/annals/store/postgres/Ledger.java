package dev.annals.store.postgres;

import dev.annals.projection.Projection;
import dev.annals.projection.segment.StreamSegments;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.jdbc.projection.Tally;
import java.util.List;

/**
 * The segmented workers' test read model: per stream of category {@code ledger}, the sum of the amounts, the
 * number of events and the last version seen. A handler that sees a stream's versions out of order throws,
 * so per-stream order is checked on every event. With {@code audit}, each handled event also records, in the
 * same transaction, its position with the segment's lease epoch and owner as the fence locked them.
 */
final class Ledger {

    static final int SEGMENTS = 8;

    private Ledger() {}

    static List<ReadModelTable> tables(String table) {
        return List.of(
                ReadModelTable.of(
                        table,
                        "stream TEXT PRIMARY KEY, total BIGINT NOT NULL, events BIGINT NOT NULL, last_version BIGINT NOT NULL"));
    }

    static Projection<SqlContext> projection(String name, String table, boolean audit) {
        String t = "{" + table + "}";
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.Category("ledger"))
                .events(Tally.CODEC)
                .on(Tally.Added.class, (event, tx) -> {
                    var recorded = tx.event();
                    long version = recorded.streamVersion();
                    int moved = tx.update(
                            "UPDATE " + t + " SET total = total + ?, events = events + 1,"
                                    + " last_version = ? WHERE stream = ? AND last_version = ?",
                            event.amount(),
                            version,
                            recorded.stream(),
                            version - 1);
                    if (moved == 0) {
                        if (version != 0) {
                            throw new IllegalStateException(
                                    "stream " + recorded.stream() + " version " + version + " arrived out of order");
                        }
                        tx.update(
                                "INSERT INTO " + t + " (stream, total, events, last_version) VALUES (?, ?, 1, 0)",
                                recorded.stream(),
                                event.amount());
                    }
                    if (audit) {
                        tx.update(
                                "INSERT INTO segment_audit (segment, epoch, owner, position) SELECT segment, epoch,"
                                        + " owner, ? FROM projection_leases WHERE projection = ? AND segment = ?",
                                recorded.position(),
                                name,
                                StreamSegments.segmentOf(recorded.stream(), SEGMENTS));
                    }
                })
                .build();
    }
}
