package dev.annals.bench.compare;

import dev.annals.bench.AppendBenchmark;
import dev.annals.bench.FsyncBaseline;
import dev.annals.bench.compare.internal.AnnalsTarget;
import dev.annals.bench.compare.internal.AppendTarget;
import dev.annals.bench.compare.internal.AxonTarget;
import dev.annals.bench.compare.internal.PlainJdbcTarget;
import dev.annals.bench.compare.internal.PostgresDatabase;
import dev.annals.bench.compare.internal.QuietDisk;
import dev.annals.bench.compare.internal.SqliteDatabase;
import dev.annals.bench.internal.Payloads;
import dev.annals.bench.internal.TemporaryDirectory;
import dev.annals.store.sqlite.SqliteEventStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The append comparison: the same workloads, in one run, on Annals, on Axon Framework's JDBC engine, on a
 * plain JDBC insert loop (the database's ceiling) and on a group-commit file (the disk's ceiling). Each
 * system gets a new database or file of its own, warmed up before its first workload and deleted after
 * its last; each workload is run once untimed just before it is measured ({@link AppendWorkload#warmUp()}),
 * and every measurement starts on a settled disk ({@link QuietDisk}): what the measurements before it left
 * to write is written first, so that it is not written during this one.
 */
public final class AppendComparison {

    /** The systems in the order of every table, chart and ratio. */
    public static final List<String> SYSTEMS = List.of(
            "annals/sqlite",
            "axon/sqlite",
            "jdbc/sqlite",
            "annals/postgresql",
            "axon/postgresql",
            "jdbc/postgresql",
            "fsync");

    private static final Logger LOG = LoggerFactory.getLogger(AppendComparison.class);

    private interface TargetFactory {
        AppendTarget create() throws Exception;
    }

    private AppendComparison() {}

    /** Runs every workload on every system, reporting progress (one line per measurement) to {@code progress}. */
    public static List<WorkloadResult> run(ComparisonOptions options, Consumer<String> progress) {
        requireNonNull(options, "options");
        requireNonNull(progress, "progress");
        byte[] payload = Payloads.json(options.size());
        int writers = options.workloads().stream()
                .mapToInt(AppendWorkload::writers)
                .max()
                .orElseThrow();
        var quietDisk = new QuietDisk(options.postgresUrl(), options.postgresUser());
        var outcomes = new LinkedHashMap<String, List<SystemOutcome>>();
        outcomes.put("annals/sqlite", onTarget(options, quietDisk, progress, "annals/sqlite", () -> {
            var directory = TemporaryDirectory.create("annals-compare-");
            return new AnnalsTarget(
                    "annals/sqlite",
                    SqliteEventStore.open(directory.path()),
                    directory,
                    payload,
                    AppendBenchmark.EVENT_TYPE);
        }));
        outcomes.put(
                "axon/sqlite",
                onTarget(
                        options,
                        quietDisk,
                        progress,
                        "axon/sqlite",
                        () -> AxonTarget.create(
                                SqliteDatabase.create(), writers, options.size(), AppendBenchmark.EVENT_TYPE)));
        outcomes.put(
                "jdbc/sqlite",
                onTarget(
                        options,
                        quietDisk,
                        progress,
                        "jdbc/sqlite",
                        () -> PlainJdbcTarget.create(
                                SqliteDatabase.create(), writers, payload, AppendBenchmark.EVENT_TYPE)));
        if (options.postgresUrl().isPresent()) {
            String url = options.postgresUrl().get();
            outcomes.put("annals/postgresql", onTarget(options, quietDisk, progress, "annals/postgresql", () -> {
                var database = PostgresDatabase.create(url, options.postgresUser());
                return new AnnalsTarget(
                        "annals/postgresql", database.openStore(), database, payload, AppendBenchmark.EVENT_TYPE);
            }));
            outcomes.put(
                    "axon/postgresql",
                    onTarget(
                            options,
                            quietDisk,
                            progress,
                            "axon/postgresql",
                            () -> AxonTarget.create(
                                    PostgresDatabase.create(url, options.postgresUser()),
                                    writers,
                                    options.size(),
                                    AppendBenchmark.EVENT_TYPE)));
            outcomes.put(
                    "jdbc/postgresql",
                    onTarget(
                            options,
                            quietDisk,
                            progress,
                            "jdbc/postgresql",
                            () -> PlainJdbcTarget.create(
                                    PostgresDatabase.create(url, options.postgresUser()),
                                    writers,
                                    payload,
                                    AppendBenchmark.EVENT_TYPE)));
        } else {
            outcomes.put("annals/postgresql", unavailable(options, "annals/postgresql", "PostgreSQL left out"));
            outcomes.put("axon/postgresql", unavailable(options, "axon/postgresql", "PostgreSQL left out"));
            outcomes.put("jdbc/postgresql", unavailable(options, "jdbc/postgresql", "PostgreSQL left out"));
        }
        var fsync = new ArrayList<SystemOutcome>();
        for (AppendWorkload workload :
                options.systems().contains("fsync") ? options.workloads() : List.<AppendWorkload>of()) {
            quietDisk.settle();
            var result = FsyncBaseline.runInTemporaryDirectory(options.benchmarkOptions(workload));
            progress.accept(line(workload, "fsync", result.eventsPerSecond()));
            fsync.add(new SystemOutcome.Measured("fsync", result, 0));
        }
        outcomes.put("fsync", fsync.isEmpty() ? unavailable(options, "fsync", "left out") : fsync);
        var results = new ArrayList<WorkloadResult>();
        for (int i = 0; i < options.workloads().size(); i++) {
            var row = new ArrayList<SystemOutcome>();
            for (String system : SYSTEMS) {
                row.add(outcomes.get(system).get(i));
            }
            results.add(new WorkloadResult(options.workloads().get(i), row));
        }
        return results;
    }

    private static List<SystemOutcome> onTarget(
            ComparisonOptions options,
            QuietDisk quietDisk,
            Consumer<String> progress,
            String system,
            TargetFactory factory) {
        if (!options.systems().contains(system)) {
            return unavailable(options, system, "left out");
        }
        int writers = options.workloads().stream()
                .mapToInt(AppendWorkload::writers)
                .max()
                .orElseThrow();
        AppendTarget target;
        try {
            target = factory.create();
        } catch (Exception | LinkageError e) {
            LOG.warn("{} could not start in the append comparison: {}", system, e.toString());
            progress.accept(system + " could not start: " + e);
            return unavailable(options, system, "could not start: " + reason(e));
        }
        var outcomes = new ArrayList<SystemOutcome>();
        try (target) {
            if (options.warmup() > 0) {
                // As many writers as the largest workload, so that every pooled connection is warmed too.
                WorkloadRun.run(
                        target,
                        new AppendWorkload("warm-up", writers, writers, 1, Math.max(writers, options.warmup())),
                        options.size());
            }
            for (AppendWorkload workload : options.workloads()) {
                if (options.warmup() > 0) {
                    // Its rate is printed, not counted: what a cold start of this shape costs (ADR 0047).
                    var warmUp = WorkloadRun.run(target, workload.warmUp(), options.size());
                    progress.accept(
                            line(workload.warmUp(), system, warmUp.result().eventsPerSecond()) + ", not counted");
                }
                quietDisk.settle();
                long cpuBefore = ProcessCpu.nanos();
                var measured = WorkloadRun.run(target, workload, options.size());
                long cpu = ProcessCpu.nanos() - cpuBefore;
                progress.accept(line(workload, system, measured.result().eventsPerSecond())
                        + ProcessCpu.perEvent(cpu, measured.result().eventsAppended()));
                outcomes.add(measured);
            }
        } catch (Exception e) {
            LOG.warn("{} failed in the append comparison: {}", system, e.toString(), e);
            progress.accept(system + " failed: " + reason(e));
            while (outcomes.size() < options.workloads().size()) {
                outcomes.add(new SystemOutcome.Unavailable(system, "failed: " + reason(e)));
            }
        }
        return outcomes;
    }

    private static List<SystemOutcome> unavailable(ComparisonOptions options, String system, String reason) {
        return options.workloads().stream()
                .<SystemOutcome>map(workload -> new SystemOutcome.Unavailable(system, reason))
                .toList();
    }

    /** The first line of a failure's message, short enough for a table cell. */
    private static String reason(Throwable e) {
        String message = String.valueOf(e.getMessage())
                .lines()
                .findFirst()
                .orElse(e.getClass().getSimpleName());
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }

    private static String line(AppendWorkload workload, String system, double eventsPerSecond) {
        return String.format(
                java.util.Locale.ROOT, "%-18s %-58s %,12.0f events/s", system, workload.name(), eventsPerSecond);
    }

    /** The outcomes of one system over every workload, for charts: system name to outcomes in workload order. */
    public static Map<String, List<SystemOutcome>> bySystem(List<WorkloadResult> results) {
        var bySystem = new LinkedHashMap<String, List<SystemOutcome>>();
        for (WorkloadResult result : results) {
            for (SystemOutcome outcome : result.outcomes()) {
                bySystem.computeIfAbsent(outcome.system(), name -> new ArrayList<>())
                        .add(outcome);
            }
        }
        return bySystem;
    }
}
