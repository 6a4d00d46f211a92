package dev.annals.decider;

import java.util.List;

/**
 * An entity's behaviour as three pure functions: where it starts, what a command decides given the
 * current state, and how an event changes the state.
 *
 * <p>Commands, events and state are the user's own records, usually under sealed interfaces and
 * handled with exhaustive {@code switch}. A decider has no I/O and no clock of its own: given the same
 * state and command it gives the same decision, which is what makes it testable without any store and
 * safe to retry after a concurrency conflict. The state is the fold of {@link #evolve} over the
 * entity's events, starting from {@link #initialState()}.
 *
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public interface Decider<C, S, E> {

    /** The state of an entity that has no events yet. */
    S initialState();

    /**
     * Decides what {@code command} does to an entity in {@code state}: the events that record it, or a
     * rejection with a reason when it breaks a rule. Must not throw for a broken rule.
     */
    Decision<E> decide(C command, S state);

    /** The state after {@code event}; must accept every event {@link #decide} ever produced. */
    S evolve(S state, E event);

    /** The state after {@code events}, in order, starting from {@link #initialState()}. */
    default S fold(List<? extends E> events) {
        return fold(initialState(), events);
    }

    /** The state after {@code events}, in order, starting from {@code state}. */
    default S fold(S state, List<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
