package dev.annals.drill.drills;

import dev.annals.drill.fault.ChildJvm;
import dev.annals.drill.load.Ack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionWorkerProcessTest {

    @TempDir
    Path data;

    /**
     * On the embedded store a worker stopped mid-batch holds the file's write lock, so its writers append
     * nothing more until the kill: a worker that stopped on its first event before printing any ack was
     * killed having reported no append at all, and the quick drill once failed so.
     */
    @RepeatedTest(3)
    void aWorkerStopsMidBatchOnlyAfterOneOfItsAppendsWasAcknowledged() throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        var arguments = List.of(data.toString(), "drill-worker-", "2", "1", "-1");
        try (var worker = ChildJvm.start(ProjectionWorkerProcess.class, arguments, lines::add)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> lines.stream().anyMatch(line -> line.startsWith("MID-BATCH ")));
            worker.kill();
        }

        var beforeTheStop = lines.subList(0, indexOfMidBatch(lines));
        assertThat(beforeTheStop).anySatisfy(line -> assertThat(Ack.parse(line)).isNotNull());
    }

    private static int indexOfMidBatch(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("MID-BATCH ")) {
                return i;
            }
        }
        throw new AssertionError("no MID-BATCH line in " + lines);
    }
}
