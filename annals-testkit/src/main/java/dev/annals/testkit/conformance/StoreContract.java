package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every topic of the suite shares: a fresh store per test, opened before it and closed after it,
 * and short ways to read everything back so that assertions compare plain lists.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class StoreContract {

    /** The store under test: new and empty for every test. */
    EventStore store;

    /** The backend's suite, which opens and discards its stores. */
    abstract EventStoreConformance backend();

    @BeforeEach
    final void openStore() {
        store = backend().newStore();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            backend().discard(store);
        }
    }

    List<RecordedEvent> read(ReadRequest request) {
        try (var events = store.read(request)) {
            return events.toList();
        }
    }

    List<RecordedEvent> stream(String stream) {
        return read(ReadRequest.forward(new ReadSource.StreamOf(stream)));
    }

    List<RecordedEvent> stream(String stream, Direction direction, long from, long limit) {
        return read(new ReadRequest(new ReadSource.StreamOf(stream), direction, from, limit));
    }

    List<RecordedEvent> all() {
        return read(ReadRequest.forward(new ReadSource.All()));
    }

    List<StreamInfo> streams() {
        try (var streams = store.streams()) {
            return streams.toList();
        }
    }

    /** Everything a reader can see of the store, to prove that a refused append changed nothing. */
    StoreState state() {
        return new StoreState(store.headPosition(), streams(), all());
    }

    void assertUnchangedSince(StoreState before) {
        assertThat(state()).as("the store after a refused append").isEqualTo(before);
    }

    /** What a reader can see of a store at one moment. */
    record StoreState(long headPosition, List<StreamInfo> streams, List<RecordedEvent> events) {}
}
