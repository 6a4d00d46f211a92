package dev.annals.drill.drills;

import dev.annals.drill.DrillFailure;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.store.EventReader;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelQueryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The segmented form of the kill-projection drill, from the drill's side: {@link #WORKERS} worker processes
 * ({@link SegmentedWorkerProcess}) share the {@link CheckpointedBalances#SEGMENTED} projection's segments by the
 * store's leases. A fault tells one worker holding a segment with the drill's accounts to stop mid-batch,
 * kills it there with SIGKILL and starts a new worker in its place; recovery is the interrupted event committed,
 * by whichever worker took the segment over once the dead worker's lease expired. The drill reads the leases
 * and the read model's position rows beside the workers, on the deployment it reads with.
 */
final class SegmentedWorkers implements AutoCloseable {

    /**
     * Two, a new one taking a killed one's place at once: each worker process opens the store with a pool of its
     * own (16 connections on PostgreSQL), and with three the drill held some 85 of a server's connections, too
     * near the default limit of 100 on a shared server.
     */
    static final int WORKERS = 2;

    private static final String NAME = CheckpointedBalances.SEGMENTED.name();

    private final String location;
    private final String streamPrefix;
    private final Set<Integer> busy;
    private final SegmentLeases leases;
    private final JdbcReadModels readModels;
    private final MidBatch midBatch = new MidBatch();
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private int started;
    private Killed killed;

    /** What the last fault killed: the worker, the segments it held, and the event it was applying. */
    private record Killed(String worker, List<Integer> held, int segment, long position) {}

    /** Starts the workers on the store at {@code location}, for the accounts {@code streamPrefix0..accounts-1}. */
    SegmentedWorkers(
            String location, String streamPrefix, int accounts, SegmentLeases leases, JdbcReadModels readModels)
            throws Exception {
        this.location = location;
        this.streamPrefix = streamPrefix;
        this.leases = leases;
        this.readModels = readModels;
        this.busy = IntStream.range(0, accounts)
                .mapToObj(n -> CheckpointedBalances.SEGMENTED.positionRow().applyAsInt(streamPrefix + n))
                .collect(Collectors.toSet());
        try {
            for (int n = 0; n < WORKERS; n++) {
                startWorker();
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startWorker() throws Exception {
        String worker = streamPrefix + "w" + (++started);
        running.put(
                worker, ChildJvm.start(SegmentedWorkerProcess.class, List.of(location, streamPrefix, worker), line -> {
                    if (line.startsWith("MID-BATCH ")) {
                        var parts = line.split(" ");
                        midBatch.stopped(worker, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                    }
                }));
    }

    /**
     * Waits for every segment to be held by a live worker, tells one that holds a segment of the drill's accounts
     * to stop {@code 1..within} events on, kills it there and starts another; returns what it did.
     */
    String killOne(int within, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        // Balanced too, not only held: a worker that joins late takes segments from one that holds more than
        // its fair share, and a victim armed before that could lose the segments it was to stop in.
        int share = Math.ceilDiv(CheckpointedBalances.SEGMENTS, running.size());
        await(
                () -> {
                    var all = leases.leases(NAME);
                    var held = all.stream().collect(Collectors.groupingBy(SegmentLease::owner, Collectors.counting()));
                    return all.size() == CheckpointedBalances.SEGMENTS
                            && all.stream().allMatch(lease -> lease.active() && running.containsKey(lease.owner()))
                            && held.values().stream().allMatch(count -> count <= share);
                },
                deadline,
                "the segmented workers did not share every segment between them, at most " + share + " each");
        var holders = leases.leases(NAME).stream()
                .filter(lease -> busy.contains(lease.segment()))
                .map(SegmentLease::owner)
                .distinct()
                .toList();
        String victim = holders.get(ThreadLocalRandom.current().nextInt(holders.size()));
        var held = leases.leases(NAME).stream()
                .filter(lease -> lease.owner().equals(victim))
                .map(SegmentLease::segment)
                .toList();
        midBatch.reset();
        var child = running.get(victim);
        child.tell("ARM " + (1 + ThreadLocalRandom.current().nextInt(within)));
        var stop = midBatch.await(victim, deadline);
        if (stop == null) {
            throw new DrillFailure("segmented worker " + victim + " (segments " + held + ") applied nothing for "
                    + limit.toSeconds() + " s; the leases now: " + describe(leases.leases(NAME)) + "; its errors: "
                    + child.errors());
        }
        long pid = child.pid();
        child.kill();
        child.close();
        running.remove(victim);
        killed = new Killed(victim, held, stop.segment(), stop.position());
        startWorker();
        return "killed segmented worker " + victim + " (pid " + pid + ", segments " + held + " of "
                + CheckpointedBalances.SEGMENTS + ") while applying position " + stop.position() + " in segment "
                + stop.segment();
    }

    /**
     * Returns once the event the last kill interrupted is committed and every segment the killed worker held is
     * held by another live worker; throws {@link DrillFailure} when that takes longer than {@code limit}.
     */
    void awaitTakeover(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        await(
                () -> position(killed.segment()) >= killed.position(),
                deadline,
                "segment " + killed.segment() + " did not commit position " + killed.position()
                        + " after its worker was killed");
        await(
                () -> leases.leases(NAME).stream()
                        .filter(lease -> killed.held().contains(lease.segment()))
                        .allMatch(lease -> lease.active() && running.containsKey(lease.owner())),
                deadline,
                "the segments " + killed.held() + " of killed worker " + killed.worker() + " were not taken over");
    }

    /** Returns once each segment has applied the last event of its accounts in {@code log}, the writers stopped. */
    void awaitCaughtUp(EventReader log, long baseline, Duration limit) {
        var last = new TreeMap<Integer, Long>();
        try (var events = log.readAll(baseline + 1)) {
            events.filter(event -> event.stream().startsWith(streamPrefix))
                    .forEach(event -> last.put(
                            CheckpointedBalances.SEGMENTED.positionRow().applyAsInt(event.stream()), event.position()));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        last.forEach((segment, position) -> await(
                () -> position(segment) >= position,
                deadline,
                "segment " + segment + " did not reach position " + position + " once the writers stopped"));
    }

    /** Kills the workers; returns their ids, for {@link #release}. */
    List<String> stop() throws Exception {
        var workers = new ArrayList<>(running.keySet());
        close();
        return workers;
    }

    /** Gives up the leases of {@code workers}, gone, so that the next run need not wait for them to expire. */
    static void release(SegmentLeases leases, List<String> workers) {
        workers.forEach(worker -> leases.leave(NAME, worker));
    }

    private static String describe(List<SegmentLease> leases) {
        return leases.stream()
                .map(lease -> lease.segment() + "=" + lease.owner() + (lease.active() ? "" : " (expired)"))
                .collect(Collectors.joining(", "));
    }

    /** The position segment {@code segment} last committed; -1 before it committed any (or made its tables). */
    private long position(int segment) {
        try {
            return readModels
                    .queryOne(
                            "SELECT position FROM " + CheckpointedBalances.SEGMENTED.positions() + " WHERE id = ?",
                            row -> row.getLong(1),
                            segment)
                    .orElse(-1L);
        } catch (ReadModelQueryException notYetCreated) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, long deadline, String failure) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new DrillFailure(failure);
            }
            // The drill's own polling of the database, beside the workers: a new connection each time on the
            // deployment the drill reads with, so not too often.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (var child : running.values()) {
            try {
                child.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        running.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Where a worker stopped mid-batch, as it printed it. */
    private static final class MidBatch {
        private record Stop(String worker, int segment, long position) {}

        private Stop stop;

        synchronized void stopped(String worker, int segment, long position) {
            stop = new Stop(worker, segment, position);
            notifyAll();
        }

        synchronized void reset() {
            stop = null;
        }

        /** Where {@code worker} stopped; null when it did not by {@code deadline} (of {@link System#nanoTime()}). */
        synchronized Stop await(String worker, long deadline) throws InterruptedException {
            while ((stop == null || !stop.worker().equals(worker)) && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return stop != null && stop.worker().equals(worker) ? stop : null;
        }
    }
}
