package dev.annals.store.memory;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendLimits;
import dev.annals.store.AppendResult;
import dev.annals.store.DeletionMode;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadListeners;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.StreamNotFoundException;
import dev.annals.store.WrongExpectedVersionException;
import dev.annals.store.internal.AppendChecks;
import dev.annals.store.internal.StreamMarks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * An event store held in memory, for tests and fixtures: nothing survives the process.
 *
 * <p>It gives every guarantee of {@link EventStore} except durability. Appends are serialised by one
 * lock; reads see a snapshot of the log taken when the read starts. Listeners added through
 * {@link HeadNotifier} are told the new head after each append that wrote events. Deletion and
 * truncation ({@link StreamDeletion}) hide events from stream reads and keep them in the log.
 */
public final class InMemoryEventStore implements EventStore, HeadNotifier, StreamDeletion {

    private final AppendLimits limits;
    private final Clock clock;
    private final List<RecordedEvent> log = new ArrayList<>();
    private final Map<String, List<RecordedEvent>> streams = new LinkedHashMap<>();
    private final Map<UUID, RecordedEvent> byId = new HashMap<>();
    private final Map<String, StreamMarks> marks = new HashMap<>();
    private final HeadListeners listeners = new HeadListeners();

    public InMemoryEventStore() {
        this(AppendLimits.defaults(), Clock.systemUTC());
    }

    /** A store with the given limits and clock; the clock stamps {@code recordedAt}. */
    public InMemoryEventStore(AppendLimits limits, Clock clock) {
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        long headBefore = headPosition();
        AppendResult result = appendLocked(stream, expected, events);
        if (result.position() > headBefore) {
            // Outside the lock, so that a listener never runs while appenders wait.
            listeners.fire(headPosition());
        }
        return result;
    }

    private synchronized AppendResult appendLocked(String stream, ExpectedVersion expected, List<EventData> events) {
        AppendChecks.validate(stream, expected, events, limits);
        var streamMarks = marks.get(stream);
        long actual = streamMarks == null ? StreamInfo.NO_STREAM : streamMarks.versionForAppend(stream);
        var stored = events.stream()
                .map(e -> Optional.ofNullable(byId.get(e.eventId())))
                .toList();
        var retry = AppendChecks.resolveRetry(stream, events, stored);
        if (retry.isPresent()) {
            return retry.get();
        }
        var existing = streams.get(stream);
        if (!expected.accepts(actual)) {
            throw new WrongExpectedVersionException(stream, expected, actual);
        }
        var target = existing == null ? new ArrayList<RecordedEvent>() : existing;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RecordedEvent last = null;
        for (EventData data : events) {
            last = new RecordedEvent(
                    stream,
                    target.size(),
                    log.size() + 1L,
                    data.eventId(),
                    data.type(),
                    data.schemaVersion(),
                    data.payload(),
                    data.metadata(),
                    now);
            target.add(last);
            log.add(last);
            byId.put(last.eventId(), last);
        }
        streams.putIfAbsent(stream, target);
        marks.put(
                stream,
                streamMarks == null
                        ? StreamMarks.live(last.streamVersion())
                        : streamMarks.appended(last.streamVersion()));
        return new AppendResult(last.streamVersion(), last.position());
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        List<RecordedEvent> source;
        Predicate<RecordedEvent> selected = event -> true;
        synchronized (this) {
            switch (request.source()) {
                case ReadSource.StreamOf s -> {
                    source = List.copyOf(streams.getOrDefault(s.stream(), List.of()));
                    long first = marks.containsKey(s.stream())
                            ? marks.get(s.stream()).truncateBefore()
                            : 0;
                    selected = event -> event.streamVersion() >= first;
                }
                case ReadSource.All a -> source = List.copyOf(log);
                case ReadSource.Category c -> {
                    source = List.copyOf(log);
                    selected = event -> event.category().equals(c.category());
                }
                case ReadSource.EventType t -> {
                    source = List.copyOf(log);
                    selected = event -> event.type().equals(t.type());
                }
            }
        }
        boolean byVersion = request.source().byVersion();
        var indexes = IntStream.range(0, source.size());
        if (request.direction() == Direction.BACKWARD) {
            int size = source.size();
            indexes = indexes.map(i -> size - 1 - i);
        }
        return indexes.mapToObj(source::get)
                .filter(event -> request.admits(byVersion ? event.streamVersion() : event.position()))
                .filter(selected)
                .limit(request.limit());
    }

    @Override
    public synchronized long headPosition() {
        return log.size();
    }

    @Override
    public synchronized Stream<StreamInfo> streams() {
        return streams.entrySet().stream()
                .filter(entry -> marks.get(entry.getKey()).state() == StreamMarks.State.LIVE)
                .map(entry -> {
                    var last = entry.getValue().getLast();
                    return new StreamInfo(entry.getKey(), last.streamVersion(), last.position());
                })
                .toList()
                .stream();
    }

    @Override
    public synchronized StreamDeletionResult deleteStream(String stream, DeletionMode mode) {
        requireNonNull(mode, "mode");
        return store(stream, marksOf(stream).delete(stream, mode));
    }

    @Override
    public synchronized StreamDeletionResult truncateStream(String stream, long beforeVersion) {
        return store(stream, marksOf(stream).truncate(stream, beforeVersion));
    }

    private StreamMarks marksOf(String stream) {
        var current = marks.get(StreamName.validate(stream));
        if (current == null) {
            throw new StreamNotFoundException(stream);
        }
        return current;
    }

    private StreamDeletionResult store(String stream, StreamMarks.Change change) {
        marks.put(stream, change.after());
        return change.result();
    }

    @Override
    public void addHeadListener(HeadListener listener) {
        listeners.addHeadListener(listener);
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        listeners.removeHeadListener(listener);
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
