package dev.annals.bench.compare;

import dev.annals.bench.Latency;
import dev.annals.bench.compare.internal.AxonAccounts;
import dev.annals.bench.compare.internal.PostgresDatabase;
import dev.annals.bench.compare.internal.SqliteDatabase;
import dev.annals.bench.internal.TemporaryDirectory;
import dev.annals.decider.StateLoader;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.example.bank.account.AccountDecider;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The entity-load benchmark: the time to read an account's stream and fold it into its state, for
 * accounts of several sizes. Annals loads with the {@link StateLoader} of the bank's account decider (the
 * load a command handler makes before deciding); Axon with an {@code EventSourcingRepository} of an
 * equivalent annotated aggregate. No snapshots on either side.
 */
public final class EntityLoadComparison {

    /** The entity sizes of the standard run. */
    public static final List<Integer> STANDARD_SIZES = List.of(10, 1_000, 10_000);

    private static final Logger LOG = LoggerFactory.getLogger(EntityLoadComparison.class);
    private static final long EVENTS_TIMED = 500_000;

    private interface Loader extends AutoCloseable {
        void open(String id, int events) throws Exception;

        long load(String id) throws Exception;
    }

    private EntityLoadComparison() {}

    /** Loads accounts of each of {@code sizes} events on Annals/SQLite, Axon/SQLite and Axon/PostgreSQL. */
    public static List<EntityLoadOutcome> run(
            List<Integer> sizes, Optional<String> postgresUrl, String postgresUser, Consumer<String> progress) {
        requireNonNull(sizes, "sizes");
        requireNonNull(postgresUrl, "postgresUrl");
        var outcomes = new ArrayList<EntityLoadOutcome>();
        outcomes.addAll(measure("annals/sqlite", sizes, progress, EntityLoadComparison::annals));
        outcomes.addAll(
                measure("axon/sqlite", sizes, progress, () -> axon(AxonAccounts.create(SqliteDatabase.create()))));
        if (postgresUrl.isPresent()) {
            outcomes.addAll(measure(
                    "axon/postgresql",
                    sizes,
                    progress,
                    () -> axon(AxonAccounts.create(PostgresDatabase.create(postgresUrl.get(), postgresUser)))));
        } else {
            sizes.forEach(size ->
                    outcomes.add(new EntityLoadOutcome.Unavailable("axon/postgresql", size, "PostgreSQL left out")));
        }
        return outcomes;
    }

    private interface LoaderFactory {
        Loader create() throws Exception;
    }

    private static List<EntityLoadOutcome> measure(
            String system, List<Integer> sizes, Consumer<String> progress, LoaderFactory factory) {
        var outcomes = new ArrayList<EntityLoadOutcome>();
        try (Loader loader = factory.create()) {
            for (int size : sizes) {
                loader.open("account-" + size, size);
            }
            for (int size : sizes) {
                String id = "account-" + size;
                int loads = (int) Math.max(10, Math.min(5_000, EVENTS_TIMED / size));
                time(loads, i -> uncheckedLoad(loader, id));
                var nanos = time(loads, i -> uncheckedLoad(loader, id));
                var measured = new EntityLoadOutcome.Measured(system, size, loads, Latency.of(nanos));
                progress.accept(String.format(
                        Locale.ROOT,
                        "%-18s load of a %,d-event entity: p50 %.3f ms",
                        system,
                        size,
                        measured.latency().p50().toNanos() / 1e6));
                outcomes.add(measured);
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("{} failed in the entity-load benchmark: {}", system, e.toString(), e);
            progress.accept(system + " failed: " + e);
            for (int i = outcomes.size(); i < sizes.size(); i++) {
                outcomes.add(new EntityLoadOutcome.Unavailable(system, sizes.get(i), "failed: " + e.getMessage()));
            }
        }
        return outcomes;
    }

    private static long uncheckedLoad(Loader loader, String id) {
        try {
            return loader.load(id);
        } catch (Exception e) {
            throw new IllegalStateException("could not load " + id + ": " + e.getMessage(), e);
        }
    }

    private static Histogram time(int loads, IntToLongFunction load) {
        var nanos = new Histogram(3);
        long sink = 0;
        for (int i = 0; i < loads; i++) {
            long began = System.nanoTime();
            sink += load.applyAsLong(i);
            nanos.recordValue(System.nanoTime() - began);
        }
        if (sink == Long.MIN_VALUE) {
            LOG.trace("unlikely balance {}", sink);
        }
        return nanos;
    }

    private static Loader annals() {
        var directory = TemporaryDirectory.create("annals-load-");
        var store = SqliteEventStore.open(directory.path());
        var loader = new StateLoader<>(store, new AccountDecider(), AccountEvents.codec());
        return new Loader() {
            @Override
            public void open(String id, int events) {
                var codec = AccountEvents.codec();
                var batch = new ArrayList<EventData>();
                long version = -1;
                for (int i = 0; i < events; i++) {
                    AccountEvent event =
                            i == 0 ? new AccountEvent.AccountOpened("owner of " + id) : new AccountEvent.Deposited(100);
                    batch.add(codec.encode(event, Metadata.empty()));
                    if (batch.size() == 1_000 || i == events - 1) {
                        var expected = version < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version);
                        version = store.append(id, expected, batch).streamVersion();
                        batch.clear();
                    }
                }
            }

            @Override
            public long load(String id) {
                return loader.current(id).state().balance();
            }

            @Override
            public void close() {
                try (directory) {
                    store.close();
                }
            }
        };
    }

    private static Loader axon(AxonAccounts accounts) {
        return new Loader() {
            @Override
            public void open(String id, int events) {
                accounts.open(id, events);
            }

            @Override
            public long load(String id) {
                return accounts.load(id);
            }

            @Override
            public void close() throws Exception {
                accounts.close();
            }
        };
    }
}
