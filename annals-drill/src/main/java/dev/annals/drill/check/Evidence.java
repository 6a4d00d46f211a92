package dev.annals.drill.check;

import dev.annals.audit.AuditTrail;
import dev.annals.drill.load.Ledger;
import dev.annals.store.EventReader;
import java.util.List;
import java.util.Optional;

/**
 * What a drill offers the invariant checker.
 *
 * @param log         the store to read back
 * @param ledger      the appends acknowledged so far
 * @param subscribers the live subscribers, whose deliveries must match the log exactly
 * @param readModels  the read models, which must equal a clean rebuild
 * @param audit       the hash chain, verified at every full check; empty when the store cannot offer it here
 */
public record Evidence(
        EventReader log,
        Ledger ledger,
        List<SubscriberLog> subscribers,
        List<ReadModelView> readModels,
        Optional<AuditTrail> audit) {

    /** Copies. */
    public Evidence {
        subscribers = List.copyOf(subscribers);
        readModels = List.copyOf(readModels);
    }
}
