package dev.annals.bench.compare;

import dev.annals.bench.AppendBenchmark;
import dev.annals.bench.compare.internal.AnnalsTarget;
import dev.annals.bench.compare.internal.AppendTarget;
import dev.annals.bench.compare.internal.AxonTarget;
import dev.annals.bench.compare.internal.Database;
import dev.annals.bench.compare.internal.PlainJdbcTarget;
import dev.annals.bench.compare.internal.PostgresDatabase;
import dev.annals.bench.compare.internal.ReplayTables;
import dev.annals.bench.compare.internal.SqliteDatabase;
import dev.annals.bench.internal.Payloads;
import dev.annals.bench.internal.TemporaryDirectory;
import dev.annals.store.sqlite.SqliteEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The replay benchmark: each system holds the same number of events over 100 streams, then reads its
 * global stream from the start to the end, timed. Annals is filled through its API; Axon's table and
 * the plain table are filled with plain batched inserts of the rows those systems write.
 */
public final class ReplayComparison {

    /** The systems in table order. */
    public static final List<String> SYSTEMS = List.of(
            "annals/sqlite", "axon/sqlite", "jdbc/sqlite", "annals/postgresql", "axon/postgresql", "jdbc/postgresql");

    private static final Logger LOG = LoggerFactory.getLogger(ReplayComparison.class);
    private static final int STREAMS = 100;
    private static final int FILL_BATCH = 1_000;

    private interface Setup {
        AppendTarget create() throws Exception;
    }

    private ReplayComparison() {}

    /** Fills each system with {@code events} events of {@code size} bytes and times one full replay. */
    public static List<ReplayOutcome> run(
            long events, int size, Optional<String> postgresUrl, String postgresUser, Consumer<String> progress) {
        requireNonNull(postgresUrl, "postgresUrl");
        requireNonNull(progress, "progress");
        if (events < 1) {
            throw new IllegalArgumentException("the replay needs 1 or more events, was " + events);
        }
        byte[] payload = Payloads.json(size);
        String type = AppendBenchmark.EVENT_TYPE;
        var outcomes = new ArrayList<ReplayOutcome>();
        outcomes.add(measure("annals/sqlite", events, progress, () -> {
            var directory = TemporaryDirectory.create("annals-replay-");
            var target = new AnnalsTarget(
                    "annals/sqlite", SqliteEventStore.open(directory.path()), directory, payload, type);
            fillThroughApi(target, events);
            return target;
        }));
        outcomes.add(
                measure("axon/sqlite", events, progress, () -> axon(SqliteDatabase.create(), events, size, payload)));
        outcomes.add(measure("jdbc/sqlite", events, progress, () -> plain(SqliteDatabase.create(), events, payload)));
        if (postgresUrl.isPresent()) {
            String url = postgresUrl.get();
            outcomes.add(measure("annals/postgresql", events, progress, () -> {
                var database = PostgresDatabase.create(url, postgresUser);
                var target = new AnnalsTarget("annals/postgresql", database.openStore(), database, payload, type);
                fillThroughApi(target, events);
                return target;
            }));
            outcomes.add(measure(
                    "axon/postgresql",
                    events,
                    progress,
                    () -> axon(PostgresDatabase.create(url, postgresUser), events, size, payload)));
            outcomes.add(measure(
                    "jdbc/postgresql",
                    events,
                    progress,
                    () -> plain(PostgresDatabase.create(url, postgresUser), events, payload)));
        } else {
            outcomes.add(new ReplayOutcome.Unavailable("annals/postgresql", "PostgreSQL left out"));
            outcomes.add(new ReplayOutcome.Unavailable("axon/postgresql", "PostgreSQL left out"));
            outcomes.add(new ReplayOutcome.Unavailable("jdbc/postgresql", "PostgreSQL left out"));
        }
        return outcomes;
    }

    private static AppendTarget axon(Database database, long events, int size, byte[] payload) throws Exception {
        var target = AxonTarget.create(database, 1, size, AppendBenchmark.EVENT_TYPE);
        ReplayTables.fillAxon(database, events, STREAMS, payload, AppendBenchmark.EVENT_TYPE);
        return target;
    }

    private static AppendTarget plain(Database database, long events, byte[] payload) throws Exception {
        var target = PlainJdbcTarget.create(database, 1, payload, AppendBenchmark.EVENT_TYPE);
        ReplayTables.fillPlain(database, events, STREAMS, payload, AppendBenchmark.EVENT_TYPE);
        return target;
    }

    private static void fillThroughApi(AppendTarget target, long events) throws Exception {
        long[] versions = new long[STREAMS];
        java.util.Arrays.fill(versions, -1);
        long left = events;
        for (int i = 0; left > 0; i++) {
            int stream = i % STREAMS;
            int count = (int) Math.min(FILL_BATCH, left);
            versions[stream] = target.append("replay-" + stream, versions[stream], count);
            left -= count;
        }
    }

    private static ReplayOutcome measure(String system, long events, Consumer<String> progress, Setup setup) {
        try (AppendTarget target = setup.create()) {
            // One untimed pass warms the JIT and the caches, as a second replay of a live system would be.
            target.replayAll();
            long began = System.nanoTime();
            long read = target.replayAll();
            var outcome = new ReplayOutcome.Measured(system, read, Duration.ofNanos(System.nanoTime() - began));
            progress.accept(String.format(
                    java.util.Locale.ROOT,
                    "%-18s replay of %,d events %,14.0f events/s",
                    system,
                    read,
                    outcome.eventsPerSecond()));
            if (read != events) {
                return new ReplayOutcome.Unavailable(system, "read " + read + " events of " + events);
            }
            return outcome;
        } catch (Exception | LinkageError e) {
            LOG.warn("{} failed in the replay benchmark: {}", system, e.toString(), e);
            progress.accept(system + " failed: " + e);
            return new ReplayOutcome.Unavailable(
                    system,
                    "failed: "
                            + String.valueOf(e.getMessage())
                                    .lines()
                                    .findFirst()
                                    .orElse(e.getClass().getSimpleName()));
        }
    }
}
