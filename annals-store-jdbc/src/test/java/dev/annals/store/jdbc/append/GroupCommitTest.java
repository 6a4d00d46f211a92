package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Who writes a batch: the caller of a lone append, else the writer thread, never two at once. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupCommitTest {

    private final List<Written> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean holdFirstBatch;
    private GroupCommit groupCommit;

    private record Written(String thread, List<String> streams) {
    }

    @AfterEach
    void stop() {
        release.countDown();
        groupCommit.stop();
    }

    @Test
    void a_lone_append_is_written_in_its_callers_thread() {
        groupCommit = new GroupCommit("test", 100, this::write);

        var append = append("account-1");
        groupCommit.submit(append);

        assertThat(append.await()).isEqualTo(new AppendResult(0, 1));
        assertThat(written).containsExactly(new Written(Thread.currentThread().getName(), List.of("account-1")));
    }

    @Test
    void appends_that_arrive_while_a_batch_is_written_wait_and_go_together_to_the_writer_thread() throws Exception {
        holdFirstBatch = true;
        groupCommit = new GroupCommit("test", 100, this::write);
        var first = append("account-0");
        Thread.ofPlatform().name("first caller").start(() -> groupCommit.submit(first));
        assertThat(held.await(5, TimeUnit.SECONDS)).as("the first batch is being written").isTrue();

        var later = List.of(append("account-1"), append("account-2"), append("account-3"));
        later.forEach(groupCommit::submit);
        release.countDown();

        for (var append : later) {
            append.await();
        }
        first.await();
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).isEqualTo(new Written("first caller", List.of("account-0")));
        assertThat(written.get(1).thread()).isEqualTo("annals-writer test");
        assertThat(written.get(1).streams()).containsExactly("account-1", "account-2", "account-3");
    }

    private void write(List<PendingAppend> batch) {
        written.add(new Written(Thread.currentThread().getName(), batch.stream().map(PendingAppend::stream).toList()));
        if (holdFirstBatch && written.size() == 1) {
            held.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (var append : batch) {
            append.acknowledge(new AppendResult(0, written.size()));
        }
    }

    private static PendingAppend append(String stream) {
        return PendingAppend.of(stream, ExpectedVersion.any(), List.of(EventData.of("Opened", "{}")));
    }
}
