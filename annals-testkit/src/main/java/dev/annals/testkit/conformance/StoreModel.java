package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.Direction;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simplest event store that could work, written apart from every backend (and from the core's
 * helpers) so that the properties compare a store against an independent statement of the contract:
 * a list per stream and one global list.
 */
final class StoreModel {

    /** What the model keeps of an event, and what the properties compare of a read. */
    record Entry(String stream, long version, long position, UUID eventId, String type) {

        static Entry of(RecordedEvent event) {
            return new Entry(event.stream(), event.streamVersion(), event.position(), event.eventId(), event.type());
        }
    }

    /** How an append ended: appended with a result, or refused with the stream's actual version. */
    sealed interface Outcome {
        record Appended(AppendResult result) implements Outcome {}

        record Refused(long actualVersion) implements Outcome {}
    }

    private final Map<String, List<Entry>> streams = new LinkedHashMap<>();
    private final List<Entry> log = new ArrayList<>();

    Outcome append(String stream, ExpectedVersion expected, List<EventData> events) {
        var entries = streams.getOrDefault(stream, List.of());
        long actual = entries.size() - 1;
        boolean accepted =
                switch (expected) {
                    case ExpectedVersion.Any any -> true;
                    case ExpectedVersion.NoStream none -> entries.isEmpty();
                    case ExpectedVersion.StreamExists exists -> !entries.isEmpty();
                    case ExpectedVersion.Exact exact -> exact.version() == actual;
                };
        if (!accepted) {
            return new Outcome.Refused(actual);
        }
        var target = streams.computeIfAbsent(stream, name -> new ArrayList<>());
        for (var event : events) {
            var entry = new Entry(stream, target.size(), log.size() + 1, event.eventId(), event.type());
            target.add(entry);
            log.add(entry);
        }
        return new Outcome.Appended(new AppendResult(target.size() - 1, log.size()));
    }

    List<Entry> read(ReadRequest request) {
        List<Entry> source;
        Predicate<Entry> selected = entry -> true;
        switch (request.source()) {
            case ReadSource.StreamOf of -> source = streams.getOrDefault(of.stream(), List.of());
            case ReadSource.All all -> source = log;
            case ReadSource.Category category -> {
                source = log;
                selected = entry -> categoryOf(entry.stream()).equals(category.category());
            }
            case ReadSource.EventType type -> {
                source = log;
                selected = entry -> entry.type().equals(type.type());
            }
        }
        boolean forward = request.direction() == Direction.FORWARD;
        boolean byVersion = request.source() instanceof ReadSource.StreamOf;
        var ordered = new ArrayList<>(source);
        if (!forward) {
            ordered = new ArrayList<>(ordered.reversed());
        }
        return ordered.stream()
                .filter(selected)
                .filter(entry -> {
                    long key = byVersion ? entry.version() : entry.position();
                    return forward ? key >= request.from() : key <= request.from();
                })
                .limit(request.limit())
                .toList();
    }

    /** The version of {@code stream}: -1 when it has no events. */
    long version(String stream) {
        return streams.getOrDefault(stream, List.of()).size() - 1;
    }

    long headPosition() {
        return log.size();
    }

    List<StreamInfo> streams() {
        return streams.entrySet().stream()
                .map(e -> new StreamInfo(
                        e.getKey(),
                        e.getValue().size() - 1,
                        e.getValue().getLast().position()))
                .toList();
    }

    private static String categoryOf(String stream) {
        int dash = stream.indexOf('-');
        return dash < 0 ? stream : stream.substring(0, dash);
    }
}
