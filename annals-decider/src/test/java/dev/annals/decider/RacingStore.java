package dev.annals.decider;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ForwardingEventStore;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;

/**
 * A seam for the retry tests: before each of the first {@code races} appends, another writer appends
 * {@code rival} to the same stream, so that the handler's append meets a conflict.
 */
final class RacingStore extends ForwardingEventStore {

    final InMemoryEventStore delegate;
    private final EventData rival;
    private int races;

    RacingStore(int races, Counter.Event rival) {
        this(new InMemoryEventStore(), races, rival);
    }

    private RacingStore(InMemoryEventStore delegate, int races, Counter.Event rival) {
        super(delegate);
        this.delegate = delegate;
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
}
