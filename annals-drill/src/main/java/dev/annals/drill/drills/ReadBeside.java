package dev.annals.drill.drills;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.load.Ledger;
import dev.annals.drill.load.LiveAccounts;
import dev.annals.subscription.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill's side of a store that a child process writes (the drills that kill it): the head when the
 * drill started, a read-only deployment with a live subscriber beside the child, and, once the load has
 * stopped and the child is gone, a deployment open for writing, from which the runner removes the drill's
 * streams. Read-only, because on the embedded store the child must be the one process that writes.
 */
final class ReadBeside implements AutoCloseable {

    private final DrillSettings settings;
    private final long baseline;
    private final Deployment reading;
    private final LiveAccounts live;
    private Deployment writing;

    ReadBeside(DrillSettings settings, String streamPrefix) {
        this.settings = settings;
        // Created (when new) and released again: the child process must be the one that writes.
        try (var created = open(OpenOptions.defaults())) {
            baseline = created.store().headPosition();
        }
        reading = open(OpenOptions.readOnly());
        live = LiveAccounts.start(
                reading.store(), streamPrefix, baseline, SubscriptionOptions.defaults(), Duration.ZERO);
    }

    private Deployment open(OpenOptions options) {
        return settings.backends().open(settings.location(), options);
    }

    long baseline() {
        return baseline;
    }

    /** The read-only deployment the drill reads beside the child. */
    Deployment reading() {
        return reading;
    }

    /** The evidence: the log, {@code ledger}, the live subscriber, and it and {@code readModels} as read models. */
    Evidence evidence(Ledger ledger, List<ReadModelView> readModels) {
        var current = writing != null ? writing : reading;
        var all = new ArrayList<ReadModelView>(List.of(live));
        all.addAll(readModels);
        return new Evidence(current.store(), ledger, List.of(live), all, current.capability(AuditTrail.class));
    }

    /** Opens the store for writing, once the child is gone; the deployment the runner removes streams with. */
    Deployment takeOver() {
        writing = open(OpenOptions.defaults());
        return writing;
    }

    /** The deployment open for writing; null before {@link #takeOver()}. */
    Deployment writing() {
        return writing;
    }

    /** Returns once the live subscriber has handled {@code head}; throws when it did not within {@code limit}. */
    void awaitLive(long head, Duration limit) {
        if (!live.awaitPosition(head, limit)) {
            throw new DrillFailure("the live subscriber did not reach the head " + head + " within " + limit.toSeconds()
                    + " s " + live.failure());
        }
    }

    @Override
    public void close() {
        live.close();
        reading.close();
        if (writing != null) {
            writing.close();
        }
    }
}
