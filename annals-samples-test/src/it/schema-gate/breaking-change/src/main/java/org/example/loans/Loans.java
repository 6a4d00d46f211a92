package org.example.loans;

import dev.annals.serialization.EventTypeRegistry;

/** The loans' stored names, declared where the schema gate finds them: a public static field. */
public final class Loans {

    public static final EventTypeRegistry<LoanEvent> EVENTS = EventTypeRegistry.builder(LoanEvent.class)
            .register(LoanEvent.Lent.class, "Lent")
            .register(LoanEvent.Returned.class, "Returned")
            .build();

    private Loans() {}
}
