package dev.annals.drill.drills;

import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.load.DrillEvent;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.Projection;
import dev.annals.store.ReadSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The poison-event drill's read model: balances by account, kept by a projection whose handler fails on
 * the events the drill poisons, until the drill "fixes" it. Its position is the last event it applied. It
 * is idempotent by event id, as a read model outside the checkpoint's transaction must be (the first
 * 100-fault run, without that, found events applied twice: when a handler fails, the runner rolls the
 * batch back and commits the events before the failing one again).
 */
final class PoisonedBalances implements ReadModelView {

    static final String NAME = "drill-poisoned-balances";

    private final String streamPrefix;
    private final Map<String, Long> balances = new HashMap<>();
    private final Set<UUID> poisoned = new HashSet<>();
    private final Set<UUID> applied = new HashSet<>();
    private boolean poisonNext;
    private long position;

    PoisonedBalances(String streamPrefix, long from) {
        this.streamPrefix = streamPrefix;
        this.position = from;
    }

    /** The projection that keeps it. */
    Projection<RecordedEvent> projection() {
        return Projection.<RecordedEvent>builder(NAME)
                .source(new ReadSource.Category("drill"))
                .events(DrillEvent.codec())
                .on(DrillEvent.Deposited.class, (event, recorded) -> apply(event, recorded))
                .on(DrillEvent.Withdrawn.class, (event, recorded) -> apply(event, recorded))
                .build();
    }

    private synchronized void apply(DrillEvent event, RecordedEvent recorded) {
        if (!recorded.stream().startsWith(streamPrefix)) {
            return;
        }
        if (poisonNext) {
            poisonNext = false;
            poisoned.add(recorded.eventId());
        }
        if (poisoned.contains(recorded.eventId())) {
            throw new IllegalStateException("poisoned by the drill: event " + recorded.eventId());
        }
        // Its balances live outside the runner's transaction, so a batch the runner tries again after a
        // failure comes back: applying each event once is what makes it exactly-once in effect.
        if (!applied.add(recorded.eventId())) {
            return;
        }
        balances.merge(recorded.stream(), event.delta(), Long::sum);
        position = Math.max(position, recorded.position());
    }

    /** Makes the handler fail on the next drill event it meets, and on that event until {@link #fix()}. */
    synchronized void poisonNext() {
        poisonNext = true;
    }

    /** The handler is fixed: it fails on no event any more. */
    synchronized void fix() {
        poisonNext = false;
        poisoned.clear();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Snapshot snapshot() {
        return new Snapshot(position, balances);
    }
}
