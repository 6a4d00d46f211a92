package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommitOrderTest {

    @TempDir
    Path data;

    /** One acknowledged append: logical times before it was sent and after it returned, and its last position. */
    private record Ack(long sent, long returned, long firstPosition, long lastPosition) {}

    @Test
    void gives_an_append_acknowledged_before_another_was_sent_the_lower_positions() throws Exception {
        var clock = new AtomicLong();
        var acks = Collections.synchronizedList(new ArrayList<Ack>());
        try (var store = SqliteEventStore.open(data)) {
            var done = new CountDownLatch(8);
            for (int writer = 0; writer < 8; writer++) {
                String stream = "writer-" + writer;
                int size = writer % 3 + 1;
                Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 60; i++) {
                            var events = java.util.stream.IntStream.range(0, size)
                                    .mapToObj(n -> EventData.of("Ticked", "{}"))
                                    .toList();
                            long sent = clock.incrementAndGet();
                            var result = store.append(stream, ExpectedVersion.exact(i * (long) size - 1), events);
                            acks.add(new Ack(
                                    sent, clock.incrementAndGet(), result.position() - size + 1, result.position()));
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();

            List<RecordedEvent> all =
                    store.read(ReadRequest.forward(new ReadSource.All())).toList();
            assertThat(all)
                    .extracting(RecordedEvent::position)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(store.headPosition()).isEqualTo(all.size());
        }
        assertThat(acks).hasSize(480);
        for (Ack earlier : acks) {
            for (Ack later : acks) {
                if (earlier.returned() < later.sent()) {
                    assertThat(earlier.lastPosition())
                            .as("%s acknowledged before %s was sent", earlier, later)
                            .isLessThan(later.firstPosition());
                }
            }
        }
    }
}
