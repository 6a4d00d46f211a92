package dev.annals.decider;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;
import java.util.stream.Stream;

/**
 * A seam for the retry tests: before each of the first {@code races} appends, another writer appends
 * {@code rival} to the same stream, so that the handler's append meets a conflict.
 */
final class RacingStore implements EventStore {

    final InMemoryEventStore delegate = new InMemoryEventStore();
    private final EventData rival;
    private int races;

    RacingStore(int races, Counter.Event rival) {
        this.races = races;
        this.rival = Counter.CODEC.encode(rival, Metadata.empty());
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        if (races > 0) {
            races--;
            delegate.append(stream, ExpectedVersion.any(), List.of(rival.withEventId(EventIds.next())));
        }
        return delegate.append(stream, expected, events);
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return delegate.read(request);
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return delegate.streams();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
