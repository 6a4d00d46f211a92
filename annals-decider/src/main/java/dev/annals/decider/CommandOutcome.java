package dev.annals.decider;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What handling a command came to: accepted with the events written, or rejected with a reason.
 *
 * @param <E> the event type
 */
public sealed interface CommandOutcome<E> {

    /** The stream the command was handled on. */
    String stream();

    /**
     * The command was accepted and its events are durable.
     *
     * @param stream        the stream written to
     * @param streamVersion the stream's version after the append (0-based); when the decision had no
     *                      events, the version the command was decided on
     * @param position      the global position of the last event written (or, with no events, of the
     *                      stream's last event; 0 for no stream): the consistency token to await on the
     *                      read side
     * @param events        the events written, in order
     * @param eventIds      their ids, in the same order
     * @param attempts      how many times the command was decided: 1, plus one per concurrency conflict
     */
    record Accepted<E>(
            String stream, long streamVersion, long position, List<E> events, List<UUID> eventIds, int attempts)
            implements CommandOutcome<E> {
        public Accepted {
            requireNonNull(stream, "stream");
            events = List.copyOf(events);
            eventIds = List.copyOf(eventIds);
        }

        /** The stream version of the first event written; meaningless when no event was written. */
        public long firstVersion() {
            return streamVersion - events.size() + 1;
        }
    }

    /**
     * The command broke a rule; nothing was written.
     *
     * @param stream        the stream the command was meant for
     * @param reason        why, as the decider put it
     * @param streamVersion the version the command was decided on (-1 for no stream)
     */
    record Rejected<E>(String stream, String reason, long streamVersion) implements CommandOutcome<E> {
        public Rejected {
            requireNonNull(stream, "stream");
            requireNonNull(reason, "reason");
        }
    }
}
