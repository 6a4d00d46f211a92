package dev.annals.store.internal;

import dev.annals.event.EventData;
import dev.annals.event.MetadataJson;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendLimits;
import dev.annals.store.AppendResult;
import dev.annals.store.DuplicateEventIdException;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.EventTexts;
import dev.annals.store.EventTooLargeException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.StreamName;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The checks every backend makes on an append, so that all of them reject the same requests with the
 * same errors: one place for the rules the conformance suite tests.
 */
public final class AppendChecks {

    private AppendChecks() {}

    /**
     * Checks what can be checked without the store: the stream name, that there are events, that their
     * text can be stored on every backend ({@link EventTexts}), that their ids are distinct and that each
     * fits the size limit.
     *
     * @throws InvalidAppendException naming the problem
     */
    public static void validate(String stream, ExpectedVersion expected, List<EventData> events, AppendLimits limits) {
        StreamName.validate(stream);
        requireNonNull(expected, "expected");
        requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new InvalidAppendException("an append to stream '" + stream + "' must carry at least one event");
        }
        var ids = events.size() == 1 ? null : new HashSet<UUID>(events.size() * 2);
        for (EventData event : events) {
            requireNonNull(event, "event");
            EventTexts.validate(stream, event);
            if (ids != null && !ids.add(event.eventId())) {
                throw new DuplicateEventIdException(stream, event.eventId());
            }
            long size = (long) event.payload().length
                    + (event.metadata().isEmpty() ? 0 : MetadataJson.encode(event.metadata()).length);
            if (size > limits.maxEventBytes()) {
                throw new EventTooLargeException(stream, event.eventId(), size, limits.maxEventBytes());
            }
        }
    }

    /**
     * Decides what to do with an append whose event ids may already be stored.
     *
     * @param stored for each event of the append, in order, the stored event with the same id, if any
     * @return the original result when the append is an exact retry; empty when none of its ids is stored
     * @throws EventIdConflictException when some ids are stored but not as an exact retry of this append
     */
    public static Optional<AppendResult> resolveRetry(
            String stream, List<EventData> events, List<Optional<RecordedEvent>> stored) {
        if (stored.stream().allMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        RecordedEvent previous = null;
        for (int i = 0; i < events.size(); i++) {
            EventData wanted = events.get(i);
            RecordedEvent found = stored.get(i)
                    .orElseThrow(() -> new EventIdConflictException(
                            stream, firstStoredId(events, stored), "the append mixes stored and new event ids"));
            if (!found.stream().equals(stream)) {
                throw new EventIdConflictException(
                        stream, wanted.eventId(), "it belongs to stream '" + found.stream() + "'");
            }
            if (!found.hasSameContentAs(wanted)) {
                throw new EventIdConflictException(
                        stream,
                        wanted.eventId(),
                        "the stored event has a different type, schema version, payload or metadata");
            }
            if (previous != null && found.streamVersion() != previous.streamVersion() + 1) {
                throw new EventIdConflictException(
                        stream, wanted.eventId(), "the stored events were not appended together in this order");
            }
            previous = found;
        }
        return Optional.of(new AppendResult(previous.streamVersion(), previous.position()));
    }

    private static UUID firstStoredId(List<EventData> events, List<Optional<RecordedEvent>> stored) {
        for (int i = 0; i < events.size(); i++) {
            if (stored.get(i).isPresent()) {
                return events.get(i).eventId();
            }
        }
        throw new IllegalStateException("no stored id");
    }
}
