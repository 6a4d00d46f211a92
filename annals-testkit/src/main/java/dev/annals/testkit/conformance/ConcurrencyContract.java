package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.Direction;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.exact;
import static dev.annals.testkit.conformance.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Sixteen writers race on four streams with exact expected versions (read the version, append, on a
 * conflict read again and retry) while a reader tails the global stream. No update may be lost, versions
 * stay contiguous, positions unique and gap-free, and the tailing reader, which always asks for the
 * position after the last one it saw, must see every event: a position it skipped could never be read.
 */
abstract class ConcurrencyContract extends StoreContract {

    private static final int WRITERS = 16;
    private static final int STREAMS = 4;
    private static final int APPENDS_PER_WRITER = 25;
    private static final int TOTAL = WRITERS * APPENDS_PER_WRITER;
    private static final int MAX_ATTEMPTS = 10_000;
    private static final long TIME_LIMIT_SECONDS = 120;

    /** One acknowledged append of one event. */
    private record Acknowledged(String stream, UUID eventId, AppendResult result) {}

    @Test
    void loses_no_update_when_sixteen_writers_race_on_four_streams() throws Exception {
        var start = new CountDownLatch(1);
        var writersDone = new AtomicBoolean();
        var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 1);
        List<RecordedEvent> tailed;
        try {
            var writers = new ArrayList<Future<?>>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                writers.add(executor.submit(() -> write(id, start, acknowledged)));
            }
            Future<List<RecordedEvent>> tail = executor.submit(() -> tail(start, writersDone));
            start.countDown();
            for (var writer : writers) {
                writer.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            writersDone.set(true);
            tailed = tail.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(TIME_LIMIT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
        }

        var stored = all();
        assertThat(acknowledged).hasSize(TOTAL);
        assertThat(store.headPosition()).isEqualTo(TOTAL);
        assertThat(stored)
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, TOTAL).boxed().toList());
        assertThat(stored)
                .extracting(RecordedEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(
                        acknowledged.stream().map(Acknowledged::eventId).toList());
        assertEachAcknowledgementMatchesItsEvent(acknowledged, stored);
        assertVersionsAreContiguousPerStream(stored);
        assertThat(tailed).as("what a reader tailing the global stream saw").containsExactlyElementsOf(stored);
    }

    private Void write(int writer, CountDownLatch start, Collection<Acknowledged> acknowledged)
            throws InterruptedException {
        start.await();
        for (int n = 0; n < APPENDS_PER_WRITER; n++) {
            var stream = "race-" + (writer + n) % STREAMS;
            var event = event("Raced");
            for (int attempt = 1; ; attempt++) {
                try {
                    var result = store.append(stream, exact(currentVersion(stream)), event);
                    acknowledged.add(new Acknowledged(stream, event.eventId(), result));
                    break;
                } catch (WrongExpectedVersionException conflict) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw new AssertionError("writer " + writer + " never got an append into " + stream, conflict);
                    }
                }
            }
        }
        return null;
    }

    private long currentVersion(String stream) {
        try (var last = store.readStream(stream, Direction.BACKWARD, ReadRequest.END, 1)) {
            return last.findFirst().map(RecordedEvent::streamVersion).orElse(StreamInfo.NO_STREAM);
        }
    }

    /** Reads the global stream from the position after the last one seen until the writers are done. */
    private List<RecordedEvent> tail(CountDownLatch start, AtomicBoolean writersDone) throws InterruptedException {
        start.await();
        var seen = new ArrayList<RecordedEvent>();
        while (true) {
            boolean finished = writersDone.get();
            long next = seen.isEmpty() ? 1 : seen.getLast().position() + 1;
            try (var events = store.readAll(next)) {
                events.forEach(event -> {
                    long expected = seen.isEmpty() ? 1 : seen.getLast().position() + 1;
                    assertThat(event.position())
                            .as("the position after %d", expected - 1)
                            .isEqualTo(expected);
                    seen.add(event);
                });
            }
            if (finished && seen.size() >= store.headPosition()) {
                return seen;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("the tailing reader was stopped");
            }
            Thread.yield();
        }
    }

    private static void assertEachAcknowledgementMatchesItsEvent(
            Collection<Acknowledged> acknowledged, List<RecordedEvent> stored) {
        Map<UUID, RecordedEvent> byId = stored.stream().collect(Collectors.toMap(RecordedEvent::eventId, e -> e));
        assertThat(acknowledged).allSatisfy(ack -> {
            var event = byId.get(ack.eventId());
            assertThat(event.stream()).isEqualTo(ack.stream());
            assertThat(ack.result()).isEqualTo(new AppendResult(event.streamVersion(), event.position()));
        });
    }

    private void assertVersionsAreContiguousPerStream(List<RecordedEvent> stored) {
        var byStream = stored.stream().collect(Collectors.groupingBy(RecordedEvent::stream));
        assertThat(byStream).hasSize(STREAMS);
        byStream.forEach((stream, events) -> {
            assertThat(events)
                    .extracting(RecordedEvent::streamVersion)
                    .containsExactlyElementsOf(
                            LongStream.range(0, events.size()).boxed().toList());
            assertThat(stream(stream)).containsExactlyElementsOf(events);
        });
        assertThat(streams())
                .extracting(StreamInfo::stream, StreamInfo::version, StreamInfo::lastPosition)
                .containsExactlyInAnyOrderElementsOf(byStream.entrySet().stream()
                        .map(entry -> tuple(
                                entry.getKey(),
                                entry.getValue().getLast().streamVersion(),
                                entry.getValue().getLast().position()))
                        .toList());
    }
}
