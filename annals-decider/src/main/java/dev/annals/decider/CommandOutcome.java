package dev.annals.decider;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What handling a command came to: accepted with the events written, or rejected with a reason.
 *
 * <p>What both have in common is asked without a pattern match: {@link #position()} is the consistency token
 * to await on the read side ({@code runner.awaitPosition(outcome.position(), timeout)}, or
 * {@link CommandHandler#handleAndAwait} in one call), {@link #accepted()} and {@link #events()} say what was
 * written.
 *
 * @param <E> the event type
 */
public sealed interface CommandOutcome<E> {

    /** The stream the command was handled on. */
    String stream();

    /**
     * The stream's version after the command (0-based; -1 for no stream): after the append when events were
     * written, else the version the command was decided on.
     */
    long streamVersion();

    /**
     * The global position a read side must have processed to show this outcome: the last event written, or
     * when nothing was written (no events, or a rejection) the stream's last event the decision saw (0 for no
     * stream).
     */
    long position();

    /** True when the command was accepted (with or without events). */
    default boolean accepted() {
        return this instanceof Accepted<E>;
    }

    /** The events written, in order; none for a rejection. */
    List<E> events();

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
     * @param position      the global position of the stream's last event the decision saw (0 for no stream)
     */
    record Rejected<E>(String stream, String reason, long streamVersion, long position) implements CommandOutcome<E> {
        public Rejected {
            requireNonNull(stream, "stream");
            requireNonNull(reason, "reason");
        }

        /** None: a rejection writes nothing. */
        @Override
        public List<E> events() {
            return List.of();
        }
    }
}
