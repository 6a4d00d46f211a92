package dev.annals.drill.drills;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.LoadWriters;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker process of the kill-projection drill: opens the store through the backend seam, runs the
 * drill's writers (on the embedded store only one process may write, so the writers live here too) and the
 * {@link CheckpointedBalances} projection. It prints {@code READY}, one ack line per acknowledged append,
 * {@code APPLIED P} whenever the projection's checkpoint moves, and, when it is about to apply its
 * {@code N}th event once its checkpoint has reached position {@code F} and one of its appends was
 * acknowledged, {@code MID-BATCH P}; then it waits, inside the read model's open transaction, for the drill's
 * SIGKILL: so that every kill lands mid-batch, with part of the batch applied and not committed. {@code F} is
 * where the previous worker was killed, so each worker first commits the batch its predecessor lost.
 *
 * <p>Arguments: store location, stream prefix, number of writers, {@code N}, {@code F}.
 */
public final class ProjectionWorkerProcess {

    private ProjectionWorkerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        ChildJvm.exitWithParent();
        // Straight to the file descriptor: System.out may be taken over by logging.
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        String streamPrefix = args[1];
        int killAt = Integer.parseInt(args[3]);
        long armedFrom = Long.parseLong(args[4]);
        var deployment = Backends.installed().open(args[0], OpenOptions.defaults());
        var store = deployment.store();
        var target =
                deployment.require(JdbcReadModels.class, "SQL read models").store(CheckpointedBalances.SINGLE.tables());
        var applying = new AtomicInteger();
        var acked = new AtomicInteger();
        var never = new CountDownLatch(1);
        var armed = new java.util.concurrent.atomic.AtomicBoolean();
        var projection = CheckpointedBalances.projection(CheckpointedBalances.SINGLE, streamPrefix, tx -> {
            if (armed.get() && applying.incrementAndGet() == killAt) {
                print(out, "MID-BATCH " + tx.event().position());
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var runner = ProjectionRunner.start(projection, store, target, ProjectionOptions.defaults());
        print(out, "READY " + store.headPosition());
        LoadWriters.start(store, streamPrefix, Integer.parseInt(args[2]), 0, ack -> {
            print(out, ack.line());
            acked.incrementAndGet();
        });
        long shown = -1;
        while (!never.await(10, TimeUnit.MILLISECONDS)) {
            long through = runner.processedThrough();
            if (through != shown) {
                shown = through;
                // Armed only once an ack is out: on the embedded store the stopped batch's transaction holds the
                // file's write lock, so the writers append nothing more until the kill, and a worker armed
                // before its first ack was printed could be killed having reported none.
                armed.compareAndSet(false, through >= armedFrom && acked.get() > 0);
                print(out, "APPLIED " + through);
            }
        }
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
