package dev.annals.bench.projection;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.example.bank.projection.BalancesProjection;
import dev.annals.projection.Projection;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Addend;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One projection a rebuild is measured on, with the events it reads: appended 100 at a time over
 * {@value #STREAMS} streams of its category, so that the read model has as many rows.
 *
 * @param name       the name in the report
 * @param category   the stream category the events go to and the projection reads
 * @param projection the projection
 * @param tables     its read model's tables
 * @param codec      how its events are encoded
 * @param opening    the first event of each stream, if its streams start with one
 * @param event      the n-th event of the workload (0-based)
 */
public record RebuildWorkload<E>(
        String name,
        String category,
        Projection<SqlContext> projection,
        List<ReadModelTable> tables,
        EventCodec<E> codec,
        LongFunction<E> opening,
        LongFunction<E> event) {

    /** Streams per workload: the read model's rows. */
    public static final int STREAMS = 1_000;

    private static final int PER_APPEND = 100;

    /** The benchmark's event: an amount added to its stream's total. */
    public record Counted(long amount) {}

    static final EventCodec<Counted> COUNTED = new EventCodec<>(EventTypeRegistry.builder(Counted.class)
            .register(Counted.class, "BenchCounted")
            .build());

    /** The benchmark's own table: a running total per stream, one upsert per event. */
    public static RebuildWorkload<Counted> totals() {
        return new RebuildWorkload<>(
                "bench table (an upsert per event)",
                "bench",
                totalsProjection(),
                List.of(ReadModelTable.of("bench_totals", "stream TEXT PRIMARY KEY, total BIGINT NOT NULL")),
                COUNTED,
                null,
                Counted::new);
    }

    /** The bank's balances: an account opened per stream, then deposits and withdrawals (an update each). */
    public static RebuildWorkload<AccountEvent> balances() {
        return new RebuildWorkload<>(
                "bank balances (examples/bank)",
                Bank.ACCOUNTS.category(),
                BalancesProjection.projection(),
                BalancesProjection.TABLES,
                AccountEvents.codec(),
                n -> new AccountEvent.AccountOpened("owner " + n),
                n -> n % 3 == 2 ? new AccountEvent.Withdrawn(1 + n % 50) : new AccountEvent.Deposited(1 + n % 100));
    }

    /** The projection the benchmark's latency run uses. */
    static Projection<SqlContext> totalsProjection() {
        return Projection.<SqlContext>builder("bench-totals")
                .source(new ReadSource.Category("bench"))
                .events(COUNTED)
                .on(
                        Counted.class,
                        (event, tx) -> tx.batch(
                                "INSERT INTO {bench_totals} (stream, total) VALUES (?, ?) ON CONFLICT (stream)"
                                        + " DO UPDATE SET total = {bench_totals}.total + excluded.total",
                                tx.event().stream(),
                                Addend.of(event.amount())))
                .build();
    }

    /** The stream of the {@code index}-th stream of this workload. */
    String stream(long index) {
        return category + "-" + index;
    }

    /** Appends {@code events} events, {@value #PER_APPEND} per append, to the streams in turn. */
    void fill(EventStore store, int events) {
        for (int written = 0, append = 0; written < events; append++) {
            int stream = append % STREAMS;
            var batch = new ArrayList<EventData>(PER_APPEND);
            if (opening != null && append < STREAMS) {
                batch.add(codec.encode(opening.apply(stream), Metadata.empty()));
            }
            while (batch.size() < PER_APPEND && written + batch.size() < events) {
                batch.add(codec.encode(event.apply(written + batch.size()), Metadata.empty()));
            }
            written += batch.size();
            store.append(stream(stream), ExpectedVersion.any(), batch);
        }
    }
}
