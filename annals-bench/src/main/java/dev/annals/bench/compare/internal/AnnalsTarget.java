package dev.annals.bench.compare.internal;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Annals: appends through the {@link EventStore} API, as an application would. */
public final class AnnalsTarget implements AppendTarget {

    private final String name;
    private final EventStore store;
    private final AutoCloseable cleanup;
    private final byte[] payload;
    private final String type;

    /** A target on {@code store}, which it closes before running {@code cleanup}. */
    public AnnalsTarget(String name, EventStore store, AutoCloseable cleanup, byte[] payload, String type) {
        this.name = name;
        this.store = store;
        this.cleanup = cleanup;
        this.payload = payload;
        this.type = type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long append(String stream, long expectedVersion, int count) {
        var events = new ArrayList<EventData>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventData.of(type, payload, Metadata.empty()));
        }
        ExpectedVersion expected = expectedVersion == StreamInfo.NO_STREAM
                ? ExpectedVersion.noStream()
                : ExpectedVersion.exact(expectedVersion);
        try {
            return store.append(stream, expected, events).streamVersion();
        } catch (WrongExpectedVersionException e) {
            throw new VersionConflict(stream, expectedVersion, OptionalLong.of(e.actualVersion()), e);
        }
    }

    @Override
    public long currentVersion(String stream) {
        var last = ReadRequest.backward(new ReadSource.StreamOf(stream)).limit(1);
        try (Stream<RecordedEvent> events = store.read(last)) {
            return events.findFirst().map(RecordedEvent::streamVersion).orElse(StreamInfo.NO_STREAM);
        }
    }

    @Override
    public long replayAll() {
        long events = 0;
        long bytes = 0;
        try (Stream<RecordedEvent> all = store.read(ReadRequest.forward(new ReadSource.All()))) {
            for (var iterator = all.iterator(); iterator.hasNext(); ) {
                bytes += iterator.next().payload().length;
                events++;
            }
        }
        // The payload sizes are summed and used so that the JIT cannot skip reading the payloads.
        return bytes >= 0 ? events : -1;
    }

    @Override
    public void close() throws Exception {
        try (cleanup) {
            store.close();
        }
    }
}
