package dev.annals.drill.drills;

import dev.annals.backend.Deployment;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.Ledger;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code kill-projection}: the process that runs a projection into SQL read models (a child JVM, which on the
 * embedded store also runs the writers, since only one process may write there) is killed with SIGKILL
 * while a batch is half applied inside the read model's transaction, and started again. Its read model is
 * not idempotent: only the checkpoint, committed in the read model's transaction, keeps an event from being
 * applied twice or skipped, and the checker compares each account's balance and count of applied events
 * with a clean rebuild. Recovery is the time from the kill to the new worker committing the event the kill
 * interrupted.
 *
 * <p>On a store that offers segment leases (PostgreSQL), every second fault kills instead one of the worker
 * processes of a segmented projection ({@link SegmentedWorkers}) inside a segment's open transaction, and
 * recovery there is the time from the kill to the interrupted event committed by the worker that took the
 * segment over once the dead worker's lease expired; every segment is checked against a clean rebuild of its
 * own streams, and the dead worker's segments must all have been taken over. The other faults go on killing the
 * unsegmented worker, which runs the writers, so both forms stay drilled.
 */
public final class KillProjection implements Drill {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "kill-projection";
    }

    @Override
    public String summary() {
        return "SIGKILL a projection worker mid-batch, start it again: no event applied twice or skipped";
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        return new Session(settings, streamPrefix);
    }

    private static final class Session implements DrillSession {

        private final DrillSettings settings;
        private final String streamPrefix;
        private final Ledger ledger = new Ledger();
        private final WorkerProgress progress = new WorkerProgress(ledger);
        private final ReadBeside beside;
        private final List<ReadModelView> readModels = new ArrayList<>();
        private final SegmentedWorkers segmented;
        private final int accounts;
        private ChildJvm worker;
        private long interrupted;
        private boolean segmentFault;

        Session(DrillSettings settings, String streamPrefix) throws Exception {
            this.settings = settings;
            this.streamPrefix = streamPrefix;
            beside = new ReadBeside(settings, streamPrefix);
            try {
                var database = readModels(beside.reading());
                readModels.add(CheckpointedBalances.single(streamPrefix, database, beside.baseline()));
                var leases = beside.reading().capability(SegmentLeases.class);
                // More accounts (one writer each) beside segments, so that most segments have some.
                accounts = leases.isPresent() ? (settings.quick() ? 4 : 6) : (settings.quick() ? 2 : 4);
                worker = startWorker(-1);
                if (leases.isPresent()) {
                    readModels.addAll(CheckpointedBalances.segments(streamPrefix, database, beside.baseline()));
                    segmented =
                            new SegmentedWorkers(settings.location(), streamPrefix, accounts, leases.get(), database);
                } else {
                    segmented = null;
                }
            } catch (Exception | Error e) {
                // What it started must not outlive a drill that cannot go on: the next drill runs beside it.
                try (beside;
                        var started = worker) {
                    throw e;
                }
            }
        }

        private static JdbcReadModels readModels(Deployment deployment) {
            return deployment.require(JdbcReadModels.class, "SQL read models");
        }

        private ChildJvm startWorker(long armedFrom) throws Exception {
            int killAt = 1 + ThreadLocalRandom.current().nextInt(settings.quick() ? 5 : 40);
            return ChildJvm.start(
                    ProjectionWorkerProcess.class,
                    List.of(
                            settings.location(),
                            streamPrefix,
                            Integer.toString(accounts),
                            Integer.toString(killAt),
                            Long.toString(armedFrom)),
                    progress);
        }

        @Override
        public long baseline() {
            return beside.baseline();
        }

        @Override
        public String inject(int number) throws Exception {
            segmentFault = segmented != null && number % 2 == 0;
            if (segmentFault) {
                return segmented.killOne(settings.quick() ? 5 : 40, RECOVERY_LIMIT);
            }
            String killed = killUnsegmented(number);
            if (segmented == null && number == 1) {
                killed += "; no segmented workers: segments need the leases of a store that keeps them (PostgreSQL),"
                        + " and this one keeps none";
            }
            return killed;
        }

        private String killUnsegmented(int number) throws Exception {
            long stoppedAt = progress.awaitMidBatch(RECOVERY_LIMIT);
            if (stoppedAt < 0) {
                throw new DrillFailure("the projection worker applied nothing for " + RECOVERY_LIMIT.toSeconds()
                        + " s before fault " + number + ": " + worker.errors());
            }
            long pid = worker.pid();
            long checkpoint = progress.applied();
            worker.kill();
            worker.close();
            progress.killed();
            interrupted = stoppedAt;
            worker = startWorker(stoppedAt);
            return "killed projection worker " + pid + " while applying position " + stoppedAt + " (checkpoint "
                    + checkpoint + ")";
        }

        @Override
        public void awaitRecovery() throws Exception {
            if (segmentFault) {
                segmented.awaitTakeover(RECOVERY_LIMIT);
                return;
            }
            if (!progress.awaitCheckpoint(interrupted, RECOVERY_LIMIT)) {
                throw new DrillFailure("the restarted projection worker did not commit position " + interrupted
                        + " within " + RECOVERY_LIMIT.toSeconds() + " s: " + worker.errors());
            }
        }

        @Override
        public Evidence evidence() {
            return beside.evidence(ledger, readModels);
        }

        /**
         * Kills the last worker too (and with it the writers), then lets a projection of the drill's own catch up
         * with the head, and the segmented workers with the last event of each segment, before they stop.
         */
        @Override
        public void stopLoad() throws Exception {
            worker.close();
            var gone = List.<String>of();
            if (segmented != null) {
                segmented.awaitCaughtUp(beside.reading().store(), beside.baseline(), RECOVERY_LIMIT);
                gone = segmented.stop();
            }
            // Opened once the workers' pools are closed: the drill never holds more connections than it needs.
            var writing = beside.takeOver();
            if (segmented != null) {
                SegmentedWorkers.release(writing.require(SegmentLeases.class, "segment leases"), gone);
            }
            long head = writing.store().headPosition();
            try (var target = readModels(writing).store(CheckpointedBalances.SINGLE.tables());
                    var runner = ProjectionRunner.start(
                            CheckpointedBalances.projection(CheckpointedBalances.SINGLE, streamPrefix, tx -> {}),
                            writing.store(),
                            target,
                            ProjectionOptions.defaults())) {
                runner.awaitPosition(head, RECOVERY_LIMIT);
            }
            beside.awaitLive(head, RECOVERY_LIMIT);
        }

        @Override
        public Deployment deployment() {
            return beside.writing();
        }

        @Override
        public void close() throws Exception {
            try (beside;
                    var segments = segmented) {
                worker.close();
            }
        }
    }
}
