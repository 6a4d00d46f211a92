package dev.annals.drill.drills;

import dev.annals.backend.Deployment;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.Ledger;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.time.Duration;
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
        private final CheckpointedBalances readModel;
        private ChildJvm worker;
        private long interrupted;

        Session(DrillSettings settings, String streamPrefix) throws Exception {
            this.settings = settings;
            this.streamPrefix = streamPrefix;
            beside = new ReadBeside(settings, streamPrefix);
            readModel = new CheckpointedBalances(streamPrefix, readModels(beside.reading()), beside.baseline());
            worker = startWorker(-1);
        }

        private static JdbcReadModels readModels(Deployment deployment) {
            return deployment.require(JdbcReadModels.class, "SQL read models");
        }

        private ChildJvm startWorker(long armedFrom) throws Exception {
            int writers = settings.quick() ? 2 : 4;
            int killAt = 1 + ThreadLocalRandom.current().nextInt(settings.quick() ? 5 : 40);
            return ChildJvm.start(
                    ProjectionWorkerProcess.class,
                    List.of(
                            settings.location(),
                            streamPrefix,
                            Integer.toString(writers),
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
            if (!progress.awaitCheckpoint(interrupted, RECOVERY_LIMIT)) {
                throw new DrillFailure("the restarted projection worker did not commit position " + interrupted
                        + " within " + RECOVERY_LIMIT.toSeconds() + " s: " + worker.errors());
            }
        }

        @Override
        public Evidence evidence() {
            return beside.evidence(ledger, List.of(readModel));
        }

        /** Kills the last worker too, then lets a projection of the drill's own catch up with the head. */
        @Override
        public void stopLoad() throws Exception {
            worker.close();
            var writing = beside.takeOver();
            long head = writing.store().headPosition();
            try (var target = readModels(writing).store(CheckpointedBalances.TABLES);
                    var runner = ProjectionRunner.start(
                            CheckpointedBalances.projection(streamPrefix),
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
            try {
                worker.close();
            } finally {
                beside.close();
            }
        }
    }
}
