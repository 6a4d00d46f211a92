package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers race on a few streams with exact expected versions, some of them stale or ahead on purpose and
 * some appends poisoned (refused inside the database, where the backend can arrange it), retrying from the
 * version each conflict reports. Once all is settled, every refusal must have been right at its turn: the
 * version it reported differs from the one expected and is durable (an acknowledged event holds it, never
 * a poisoned or otherwise failed one), no append acknowledged before the refused call started holds a later
 * version, and every append that started after the refusal returned got a later one. A refusal judged
 * against an append that was still pending and then failed would break the second rule; one judged against
 * a stale view, the third.
 */
abstract class RefusalProperties {

    private static final int MAX_ATTEMPTS = 2_000;

    /** The backend's suite, which opens and discards its stores. */
    abstract EventStoreConformance backend();

    /** An acknowledged append of one event, with the clock's ticks at its call and at its return. */
    private record Acknowledged(String stream, long version, UUID eventId, long started, long ended) {}

    /** A refused append: what it expected, the version its conflict reported, and its ticks. */
    private record Refused(String stream, long expected, long actual, long started, long ended) {}

    @Property(tries = 8)
    void no_append_is_refused_on_a_version_that_is_not_durable_at_its_turn(
            @ForAll @IntRange(min = 2, max = 8) int writers,
            @ForAll @IntRange(min = 1, max = 3) int streams,
            @ForAll @IntRange(min = 3, max = 12) int appendsPerWriter,
            @ForAll long seed)
            throws Exception {
        var store = backend().newStore();
        try {
            boolean poisoned = backend().poison(store);
            var clock = new AtomicLong();
            var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
            var refused = new ConcurrentLinkedQueue<Refused>();
            var start = new CountDownLatch(1);
            try (var threads = Executors.newFixedThreadPool(writers)) {
                var done = new ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    var random = new Random(seed + w);
                    done.add(threads.submit(() -> {
                        start.await();
                        write(store, random, streams, appendsPerWriter, poisoned, clock, acknowledged, refused);
                        return null;
                    }));
                }
                start.countDown();
                for (var writer : done) {
                    writer.get(2, TimeUnit.MINUTES);
                }
            }
            assertEveryRefusalWasRight(store, acknowledged, refused);
        } finally {
            backend().discard(store);
        }
    }

    private static void write(
            EventStore store,
            Random random,
            int streams,
            int appends,
            boolean poisoned,
            AtomicLong clock,
            Queue<Acknowledged> acknowledged,
            Queue<Refused> refused) {
        var known = new HashMap<String, Long>();
        for (int n = 0; n < appends; n++) {
            var stream = "refusal-" + random.nextInt(streams);
            long expected = known.getOrDefault(stream, StreamInfo.NO_STREAM);
            if (random.nextInt(4) == 0) {
                // Deliberately off by a little either way: stale, or ahead of the stream.
                expected = Math.max(StreamInfo.NO_STREAM, expected + random.nextInt(5) - 2);
            }
            boolean poison = poisoned && random.nextInt(8) == 0;
            for (int attempt = 1; ; attempt++) {
                var event = poison ? TestEvents.poisoned("Raced") : TestEvents.event("Raced");
                long started = clock.incrementAndGet();
                try {
                    var result = store.append(stream, expectation(expected), List.of(event));
                    acknowledged.add(new Acknowledged(
                            stream, result.streamVersion(), event.eventId(), started, clock.incrementAndGet()));
                    known.put(stream, result.streamVersion());
                    break;
                } catch (WrongExpectedVersionException conflict) {
                    refused.add(
                            new Refused(stream, expected, conflict.actualVersion(), started, clock.incrementAndGet()));
                    expected = conflict.actualVersion();
                    assertThat(attempt)
                            .as("attempts of one append to " + stream)
                            .isLessThan(MAX_ATTEMPTS);
                } catch (RuntimeException failed) {
                    assertThat(poison)
                            .as("an append that failed other than by a conflict was poisoned")
                            .isTrue();
                    break;
                }
            }
        }
    }

    private void assertEveryRefusalWasRight(
            EventStore store, Queue<Acknowledged> acknowledged, Queue<Refused> refused) {
        var durable = new HashMap<String, List<UUID>>();
        for (var ack : acknowledged) {
            durable.computeIfAbsent(ack.stream(), s -> read(store, s));
        }
        for (var refusal : refused) {
            durable.computeIfAbsent(refusal.stream(), s -> read(store, s));
        }
        Map<UUID, Acknowledged> byId = new HashMap<>();
        acknowledged.forEach(ack -> byId.put(ack.eventId(), ack));
        for (var ack : acknowledged) {
            assertThat(durable.get(ack.stream()).get((int) ack.version()))
                    .as("the event acknowledged at version %d of %s", ack.version(), ack.stream())
                    .isEqualTo(ack.eventId());
        }
        assertThat(durable.values().stream().mapToInt(List::size).sum())
                .as("events stored: the acknowledged ones, none of a failed append")
                .isEqualTo(acknowledged.size());
        for (var refusal : refused) {
            var stream = durable.get(refusal.stream());
            assertThat(refusal.actual()).as("%s: the version reported", refusal).isNotEqualTo(refusal.expected());
            if (refusal.actual() != StreamInfo.NO_STREAM) {
                assertThat(refusal.actual())
                        .as("%s: the version reported is stored", refusal)
                        .isLessThan(stream.size());
                var holder = byId.get(stream.get((int) refusal.actual()));
                assertThat(holder)
                        .as("%s: an acknowledged append holds the version reported", refusal)
                        .isNotNull();
                assertThat(holder.started())
                        .as("%s: the append holding the version reported started before the refusal returned", refusal)
                        .isLessThan(refusal.ended());
            }
            for (var ack : acknowledged) {
                if (!ack.stream().equals(refusal.stream())) {
                    continue;
                }
                if (ack.ended() < refusal.started()) {
                    assertThat(ack.version())
                            .as("%s: acknowledged before the refused call, at version %d", refusal, ack.version())
                            .isLessThanOrEqualTo(refusal.actual());
                }
                if (ack.started() > refusal.ended()) {
                    assertThat(ack.version())
                            .as("%s: started after the refusal, acknowledged at version %d", refusal, ack.version())
                            .isGreaterThan(refusal.actual());
                }
            }
        }
    }

    private static List<UUID> read(EventStore store, String stream) {
        try (var events = store.readStream(stream, Direction.FORWARD, ReadRequest.START, Integer.MAX_VALUE)) {
            return events.map(RecordedEvent::eventId).toList();
        }
    }

    private static ExpectedVersion expectation(long version) {
        return version == StreamInfo.NO_STREAM ? ExpectedVersion.noStream() : ExpectedVersion.exact(version);
    }
}
