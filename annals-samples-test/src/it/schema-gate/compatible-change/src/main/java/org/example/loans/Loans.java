package org.example.loans;

import dev.annals.serialization.EventTypeRegistry;
import java.util.List;

/** The loans' stored names and versions; Lent v1 events were stored before loans had a due date. */
public final class Loans {

    public static final EventTypeRegistry<LoanEvent> EVENTS = EventTypeRegistry.builder(LoanEvent.class)
            .register(LoanEvent.Lent.class, "Lent", 2)
            .register(LoanEvent.Returned.class, "Returned")
            .register(LoanEvent.Renewed.class, "Renewed")
            .upcast("Lent", 1, event -> List.of(event.at(2, event.payload().deepCopy().putNull("due"))))
            .build();

    private Loans() {}
}
