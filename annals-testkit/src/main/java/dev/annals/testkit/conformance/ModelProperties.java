package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.WrongExpectedVersionException;
import dev.annals.testkit.conformance.StoreModel.Outcome;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of appends (to a few streams, with random expected versions and batch sizes), exact
 * retries and reads (of a stream, every event, a category or a type, in either direction, from random
 * places, with random limits), applied to a fresh store and to {@link StoreModel}: every outcome and
 * every read must be the same.
 */
abstract class ModelProperties {

    private static final List<String> STREAMS = List.of("order-1", "order-2", "orders-1", "order");
    private static final List<String> TYPES = List.of("Placed", "Paid", "Shipped");

    /** The backend's suite, which opens and discards its stores. */
    abstract EventStoreConformance backend();

    /** An append that succeeded, kept to be retried. */
    private record Appended(String stream, ExpectedVersion expected, List<EventData> events, Outcome outcome) {}

    @Property(tries = 80)
    void a_store_gives_the_same_outcomes_and_reads_as_the_model(@ForAll("operations") List<Operation> operations) {
        var store = backend().newStore();
        try {
            var model = new StoreModel();
            var appended = new ArrayList<Appended>();
            for (int step = 0; step < operations.size(); step++) {
                var description = "step " + step + ": " + operations.get(step);
                switch (operations.get(step)) {
                    case Operation.Append append -> {
                        var events =
                                append.types().stream().map(TestEvents::event).toList();
                        var expected = append.expected().resolve(model.version(append.stream()));
                        var outcome = append(store, append.stream(), expected, events);
                        assertThat(outcome)
                                .as(description + " expecting " + expected)
                                .isEqualTo(model.append(append.stream(), expected, events));
                        if (outcome instanceof Outcome.Appended) {
                            appended.add(new Appended(append.stream(), expected, events, outcome));
                        }
                    }
                    case Operation.Retry retry
                    when !appended.isEmpty() -> {
                        var earlier = appended.get(retry.earlierAppend() % appended.size());
                        assertThat(append(store, earlier.stream(), earlier.expected(), earlier.events()))
                                .as(description + " of " + earlier)
                                .isEqualTo(earlier.outcome());
                    }
                    case Operation.Retry nothingToRetry -> {}
                    case Operation.Read read ->
                        assertThat(read(store, read.request())).as(description).isEqualTo(model.read(read.request()));
                }
            }
            assertThat(store.headPosition()).isEqualTo(model.headPosition());
            assertThat(read(store, ReadRequest.forward(new ReadSource.All())))
                    .isEqualTo(model.read(ReadRequest.forward(new ReadSource.All())));
            try (var streams = store.streams()) {
                assertThat(streams.toList()).isEqualTo(model.streams());
            }
        } finally {
            backend().discard(store);
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        return Arbitraries.frequencyOf(
                        Tuple.of(5, appends()),
                        Tuple.of(1, Arbitraries.integers().between(0, 50).map(Operation.Retry::new)),
                        Tuple.of(4, reads()))
                .list()
                .ofMinSize(5)
                .ofMaxSize(40)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Operation> appends() {
        Arbitrary<Operation.Expectation> expected = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                        ExpectedVersion.any(),
                                        ExpectedVersion.noStream(),
                                        ExpectedVersion.streamExists())
                                .map(Operation.Expectation.Fixed::new)),
                Tuple.of(
                        1,
                        Arbitraries.longs()
                                .between(0, 6)
                                .map(ExpectedVersion::exact)
                                .map(Operation.Expectation.Fixed::new)),
                Tuple.of(
                        4,
                        Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(3, 0), Tuple.of(1, 1))
                                .map(Operation.Expectation.Relative::new)));
        return Combinators.combine(
                        Arbitraries.of(STREAMS),
                        expected,
                        Arbitraries.of(TYPES).list().ofMinSize(1).ofMaxSize(3))
                .as(Operation.Append::new);
    }

    private static Arbitrary<Operation> reads() {
        Arbitrary<ReadSource> sources = Arbitraries.oneOf(
                Arbitraries.of("order-1", "order-2", "orders-1", "order", "order-3")
                        .map(ReadSource.StreamOf::new),
                Arbitraries.just(new ReadSource.All()),
                Arbitraries.of("order", "orders", "ord").map(ReadSource.Category::new),
                Arbitraries.of("Placed", "Paid", "Shipped", "Refunded").map(ReadSource.EventType::new));
        var from = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(0, 12)),
                Tuple.of(1, Arbitraries.longs().between(0, 60)),
                Tuple.of(1, Arbitraries.just(ReadRequest.END)));
        var limit = Arbitraries.oneOf(Arbitraries.longs().between(1, 6), Arbitraries.just(ReadRequest.NO_LIMIT));
        return Combinators.combine(sources, Arbitraries.of(Direction.class), from, limit)
                .as((source, direction, start, most) ->
                        new Operation.Read(new ReadRequest(source, direction, start, most)));
    }

    private static Outcome append(EventStore store, String stream, ExpectedVersion expected, List<EventData> events) {
        try {
            return new Outcome.Appended(store.append(stream, expected, events));
        } catch (WrongExpectedVersionException refused) {
            assertThat(refused.stream()).isEqualTo(stream);
            assertThat(refused.expected()).isEqualTo(expected);
            return new Outcome.Refused(refused.actualVersion());
        }
    }

    private static List<StoreModel.Entry> read(EventStore store, ReadRequest request) {
        try (var events = store.read(request)) {
            return events.map(StoreModel.Entry::of).toList();
        }
    }
}
