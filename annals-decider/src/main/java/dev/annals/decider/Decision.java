package dev.annals.decider;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a decider made of a command: the events to record, or a rejection with a reason.
 *
 * <p>A rejection is an expected outcome of the domain (an overdraft, a closed account), not an error:
 * it carries a human-readable reason and nothing is written.
 *
 * @param <E> the event type
 */
public sealed interface Decision<E> {

    /** Accepts the command, recording {@code events} in order; none means it changes nothing. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    /** Accepts the command, recording {@code events} in order. */
    static <E> Decision<E> accept(List<? extends E> events) {
        return new Accepted<>(List.copyOf(events));
    }

    /** Rejects the command for {@code reason}, a sentence the caller can show as it is. */
    static <E> Decision<E> reject(String reason) {
        return new Rejected<>(reason);
    }

    /**
     * The command was accepted.
     *
     * @param events the events that record it, in order; may be empty for a command that changes nothing
     */
    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(requireNonNull(events, "events"));
        }
    }

    /**
     * The command broke a rule.
     *
     * @param reason why, as a sentence; non-blank
     */
    record Rejected<E>(String reason) implements Decision<E> {
        public Rejected {
            requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }
}
