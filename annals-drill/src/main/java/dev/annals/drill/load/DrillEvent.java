package dev.annals.drill.load;

import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** What happens to a drill account: money in or out, in cents. */
public sealed interface DrillEvent {

    /** The signed effect on the balance: positive in, negative out. */
    long delta();

    /** Money paid in. */
    record Deposited(long amount) implements DrillEvent {
        @Override
        public long delta() {
            return amount;
        }
    }

    /** Money paid out; the decider never lets a balance go below zero. */
    record Withdrawn(long amount) implements DrillEvent {
        @Override
        public long delta() {
            return -amount;
        }
    }

    /** How drill events are stored: types {@code DrillDeposited} and {@code DrillWithdrawn}. */
    static EventCodec<DrillEvent> codec() {
        return new EventCodec<>(EventTypeRegistry.builder(DrillEvent.class)
                .register(Deposited.class, "DrillDeposited")
                .register(Withdrawn.class, "DrillWithdrawn")
                .build());
    }
}
