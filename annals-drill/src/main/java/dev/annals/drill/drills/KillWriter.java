package dev.annals.drill.drills;

import dev.annals.backend.Deployment;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.Ack;
import dev.annals.drill.load.Ledger;
import dev.annals.drill.load.WriterProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code kill-writer}: the process that appends (a child JVM with several writers) is killed with SIGKILL
 * after a random number of acknowledged appends, and started again at once. Recovery is the time from the
 * kill to the new process's first acknowledged append. A live subscriber in the drill's own process reads
 * the store beside the writer all along.
 */
public final class KillWriter implements Drill {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "kill-writer";
    }

    @Override
    public String summary() {
        return "SIGKILL the process that appends, mid-append, and start it again";
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        return new Session(settings, streamPrefix);
    }

    private static final class Session implements DrillSession {

        private final DrillSettings settings;
        private final String streamPrefix;
        private final Ledger ledger = new Ledger();
        private final ReadBeside beside;
        private ChildJvm writer;
        private int acksAtKill;

        Session(DrillSettings settings, String streamPrefix) throws Exception {
            this.settings = settings;
            this.streamPrefix = streamPrefix;
            beside = new ReadBeside(settings, streamPrefix);
            writer = startWriter();
        }

        private ChildJvm startWriter() throws Exception {
            int writers = settings.quick() ? 2 : 4;
            return ChildJvm.start(
                    WriterProcess.class,
                    List.of(settings.location(), streamPrefix, Integer.toString(writers)),
                    line -> {
                        var ack = Ack.parse(line);
                        if (ack != null) {
                            ledger.accept(ack);
                        }
                    });
        }

        @Override
        public long baseline() {
            return beside.baseline();
        }

        @Override
        public String inject(int number) throws Exception {
            int killAfter = 1 + ThreadLocalRandom.current().nextInt(settings.quick() ? 5 : 60);
            int before = ledger.size();
            if (!ledger.awaitMoreThan(before + killAfter - 1, RECOVERY_LIMIT)) {
                throw new DrillFailure("the writer process acknowledged nothing for " + RECOVERY_LIMIT.toSeconds()
                        + " s before fault " + number + ": " + writer.errors());
            }
            long pid = writer.pid();
            writer.kill();
            writer.close();
            acksAtKill = ledger.size();
            writer = startWriter();
            return "killed writer " + pid + " after " + (acksAtKill - before) + " appends";
        }

        @Override
        public void awaitRecovery() throws Exception {
            if (!ledger.awaitMoreThan(acksAtKill, RECOVERY_LIMIT)) {
                throw new DrillFailure("the restarted writer acknowledged nothing within " + RECOVERY_LIMIT.toSeconds()
                        + " s: " + writer.errors());
            }
        }

        @Override
        public Evidence evidence() {
            return beside.evidence(ledger, List.of());
        }

        @Override
        public void stopLoad() throws Exception {
            writer.close();
            beside.awaitLive(beside.takeOver().store().headPosition(), RECOVERY_LIMIT);
        }

        @Override
        public Deployment deployment() {
            return beside.writing();
        }

        @Override
        public void close() throws Exception {
            try {
                writer.close();
            } finally {
                beside.close();
            }
        }
    }
}
