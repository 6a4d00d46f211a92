package dev.annals.testkit.snapshot;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.snapshot.SnapshotPolicy;
import java.time.LocalDate;

/** A shelf that counts the books stocked on it and the day of the last, for the snapshot contract. */
final class Shelf implements Decider<Shelf.Stock, Shelf.State, Shelf.Stocked> {

    /** Snapshots every two events, of a state that holds a date. */
    static final EntityType<Stock, State, Stocked> SHELVES =
            EntityType.of("shelf", new Shelf(), Stocked.class).withSnapshots(State.class, 1, SnapshotPolicy.every(2));

    record Stock(LocalDate on) {}

    sealed interface Stocked {}

    record BookStocked(LocalDate on) implements Stocked {}

    record State(int books, LocalDate lastOn) {}

    @Override
    public State initialState() {
        return new State(0, LocalDate.EPOCH);
    }

    @Override
    public Decision<Stocked> decide(Stock command, State state) {
        return Decision.accept(new BookStocked(command.on()));
    }

    @Override
    public State evolve(State state, Stocked event) {
        return switch (event) {
            case BookStocked stocked -> new State(state.books() + 1, stocked.on());
        };
    }
}
