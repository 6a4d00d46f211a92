package dev.annals.drill.drills;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.projection.segment.SegmentOptions;
import dev.annals.projection.segment.SegmentedProjectionWorker;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process of the kill-projection drill's segmented form: opens the store through the backend seam
 * and runs its share of the {@link CheckpointedBalances#SEGMENTED} projection's segments, by the store's
 * segment leases, beside the drill's other workers. It prints {@code READY} once it has joined; when the
 * drill tells it {@code ARM N}, it stops just before applying the {@code N}th drill event that any of its
 * segments handles after that, prints {@code MID-BATCH SEGMENT POSITION}, and waits inside that segment's open
 * read-model transaction for the drill's SIGKILL. Its other segments go on meanwhile, and so does its
 * heartbeat, so its leases stay held until the kill: they are taken over only once they expire.
 *
 * <p>Each segment's read model is a plain one of the SQL read models, without the per-transaction lease fence
 * that PostgreSQL's own worker uses ({@code PostgresProjections.segmentReadModels}): the backend seam does not
 * offer that fence. A SIGKILLed worker cannot commit whatever the fence says (the database rolls back the open
 * transaction of a connection that died), so the drill tests the takeover and the checkpoints, not the fence.
 *
 * <p>Arguments: store location, stream prefix, worker id.
 */
public final class SegmentedWorkerProcess {

    private SegmentedWorkerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        var toStop = new AtomicInteger();
        ChildJvm.exitWithParent(line -> {
            if (line.startsWith("ARM ")) {
                toStop.set(Integer.parseInt(line.substring("ARM ".length())));
            }
        });
        // Straight to the file descriptor: System.out may be taken over by logging.
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        String streamPrefix = args[1];
        var deployment = Backends.installed().open(args[0], OpenOptions.defaults());
        var leases = deployment.require(SegmentLeases.class, "segment leases");
        var readModels = deployment.require(JdbcReadModels.class, "SQL read models");
        var never = new CountDownLatch(1);
        var layout = CheckpointedBalances.SEGMENTED;
        var projection = CheckpointedBalances.projection(layout, streamPrefix, tx -> {
            // Segments run on threads of their own: exactly one of them takes the last event before the stop.
            if (toStop.getAndUpdate(left -> Math.max(0, left - 1)) == 1) {
                var event = tx.event();
                print(out, "MID-BATCH " + layout.positionRow().applyAsInt(event.stream()) + " " + event.position());
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        // The leases last as long as the backend says; the options' lease ttl only sets the heartbeat (a third of
        // it), and the default matches the backend's default.
        SegmentedProjectionWorker.start(
                projection,
                deployment.store(),
                leases,
                lease -> readModels.store(layout.tables()),
                SegmentOptions.of(CheckpointedBalances.SEGMENTS).withWorker(args[2]));
        print(out, "READY");
        never.await();
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
