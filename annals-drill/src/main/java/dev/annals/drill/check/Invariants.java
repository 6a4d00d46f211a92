package dev.annals.drill.check;

import dev.annals.drill.load.Ack;
import dev.annals.drill.load.DrillEvent;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The invariants of a drill, checked against the log. An incremental check reads only what was appended
 * since the last one; a full check forgets everything and reads the drill's whole part of the log again.
 *
 * <ul>
 *   <li>every acknowledged append is stored exactly once, at the stream, version and position it was given;
 *   <li>{@code $all} positions after the drill's start are contiguous; each drill stream's versions too;
 *   <li>no live subscriber skipped or duplicated an event, or saw them out of order;
 *   <li>every read model equals a clean rebuild of the log at the position it reached;
 *   <li>no money was created or lost: every read model's total equals deposits minus withdrawals in the log,
 *       and no account is overdrawn;
 *   <li>the audit chain verifies (full checks).
 * </ul>
 *
 * <p>Not thread-safe: one checker per drill run.
 */
public final class Invariants {

    private static final int KEPT_VIOLATIONS = 50;
    private static final EventCodec<DrillEvent> CODEC = DrillEvent.codec();

    private final String streamPrefix;
    private final long baseline;
    private final List<String> violations = new ArrayList<>();
    private long violationCount;
    private long lost;
    private long duplicated;
    private int incrementalChecks;
    private int fullChecks;

    private long checkedThrough;
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<UUID, RecordedEvent> stored = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final List<UUID> order = new ArrayList<>();
    private List<Ack> pending = new ArrayList<>();
    private int acksTaken;
    private final Map<SubscriberLog, Integer> subscriberChecked = new HashMap<>();
    private final Map<SubscriberLog, Long> subscriberLast = new HashMap<>();

    /**
     * A checker of the streams named {@code streamPrefix...}, written after position {@code baseline} (the
     * head when the drill started: what came before is not the drill's).
     */
    public Invariants(String streamPrefix, long baseline) {
        this.streamPrefix = streamPrefix;
        this.baseline = baseline;
        this.checkedThrough = baseline;
    }

    /** Checks what changed since the last check. */
    public void incremental(Evidence evidence) throws Exception {
        incrementalChecks++;
        check(evidence);
    }

    /** Reads the drill's whole part of the log again and checks everything, including the audit chain. */
    public void full(Evidence evidence) throws Exception {
        fullChecks++;
        checkedThrough = baseline;
        versions.clear();
        stored.clear();
        balances.clear();
        order.clear();
        pending = new ArrayList<>(evidence.ledger().since(0));
        acksTaken = pending.size();
        subscriberChecked.clear();
        subscriberLast.clear();
        check(evidence);
        evidence.audit().ifPresent(trail -> {
            var report = trail.verify();
            if (!report.intact()) {
                violation("the audit chain breaks at position "
                        + report.firstBroken().getAsLong() + ": " + report.problem());
            }
        });
    }

    private void check(Evidence evidence) throws Exception {
        var fresh = evidence.ledger().since(acksTaken);
        pending.addAll(fresh);
        acksTaken += fresh.size();
        var snapshots = new ArrayList<Taken>();
        for (ReadModelView view : evidence.readModels()) {
            var snapshot = view.snapshot();
            if (snapshot.position() < checkedThrough) {
                // Behind the last check: the log's fold has moved past it; the final check waits for it.
                continue;
            }
            snapshots.add(new Taken(view.name(), snapshot));
        }
        snapshots.sort(Comparator.comparingLong(taken -> taken.snapshot().position()));
        long head = evidence.log().headPosition();
        int next = 0;
        if (head > checkedThrough) {
            try (var events = evidence.log().readAll(checkedThrough + 1)) {
                for (var iterator = events.iterator(); iterator.hasNext(); ) {
                    var event = iterator.next();
                    if (event.position() > head) {
                        break;
                    }
                    while (next < snapshots.size()
                            && snapshots.get(next).snapshot().position() < event.position()) {
                        compare(snapshots.get(next++));
                    }
                    take(event);
                }
            }
        }
        while (next < snapshots.size()) {
            compare(snapshots.get(next++));
        }
        checkAcks();
        for (SubscriberLog subscriber : evidence.subscribers()) {
            checkSubscriber(subscriber);
        }
        balances.forEach((stream, cents) -> {
            if (cents < 0) {
                violation("account " + stream + " is overdrawn: " + cents + " cents at position " + checkedThrough);
            }
        });
    }

    private void take(RecordedEvent event) {
        if (event.position() != checkedThrough + 1) {
            violation("$all jumps from position " + checkedThrough + " to " + event.position());
        }
        checkedThrough = event.position();
        if (!event.stream().startsWith(streamPrefix)) {
            return;
        }
        long expected = versions.getOrDefault(event.stream(), -1L) + 1;
        if (event.streamVersion() != expected) {
            violation("stream " + event.stream() + " jumps to version " + event.streamVersion() + " where " + expected
                    + " was due (position " + event.position() + ")");
        }
        versions.put(event.stream(), event.streamVersion());
        if (stored.putIfAbsent(event.eventId(), event) != null) {
            duplicated++;
            violation("event " + event.eventId() + " is stored twice, at positions "
                    + stored.get(event.eventId()).position() + " and " + event.position());
            return;
        }
        order.add(event.eventId());
        long delta = CODEC.decode(event).stream().mapToLong(DrillEvent::delta).sum();
        balances.merge(event.stream(), delta, Long::sum);
    }

    private void checkAcks() {
        var later = new ArrayList<Ack>();
        for (Ack ack : pending) {
            if (ack.position() > checkedThrough) {
                later.add(ack);
                continue;
            }
            for (int i = 0; i < ack.eventIds().size(); i++) {
                var id = ack.eventIds().get(i);
                var event = stored.get(id);
                long fromEnd = ack.eventIds().size() - 1 - i;
                if (event == null) {
                    lost++;
                    violation("acknowledged event " + id + " of stream " + ack.stream() + " (position "
                            + (ack.position() - fromEnd) + ") is not in the log");
                } else if (!event.stream().equals(ack.stream())
                        || event.streamVersion() != ack.version() - fromEnd
                        || event.position() != ack.position() - fromEnd) {
                    violation("acknowledged event " + id + " was given " + ack.stream() + "@"
                            + (ack.version() - fromEnd) + " position " + (ack.position() - fromEnd)
                            + " but is stored at " + event.stream() + "@" + event.streamVersion() + " position "
                            + event.position());
                }
            }
        }
        pending = later;
    }

    private void checkSubscriber(SubscriberLog subscriber) {
        int from = subscriberChecked.getOrDefault(subscriber, 0);
        long last = subscriberLast.getOrDefault(subscriber, baseline);
        var received = subscriber.receivedSince(from);
        int index = from;
        for (var delivery : received) {
            if (delivery.position() > checkedThrough) {
                break; // not yet read back from the log: checked next time
            }
            if (delivery.position() <= last) {
                duplicated++;
                violation("a subscriber received position " + delivery.position() + " after " + last);
            } else if (index >= order.size() || !order.get(index).equals(delivery.eventId())) {
                violation("a subscriber received event " + delivery.eventId() + " (position " + delivery.position()
                        + ") where the log has " + (index < order.size() ? order.get(index) : "nothing more"));
                last = delivery.position();
                index++;
                continue;
            }
            last = Math.max(last, delivery.position());
            index++;
        }
        subscriberChecked.put(subscriber, index);
        subscriberLast.put(subscriber, last);
    }

    /** A read model's snapshot, with its name for messages. */
    private record Taken(String name, ReadModelView.Snapshot snapshot) {}

    private void compare(Taken taken) {
        var name = taken.name();
        var snapshot = taken.snapshot();
        var kept = snapshot.streams();
        var expected = new HashMap<String, Long>();
        balances.forEach((stream, cents) -> {
            if (kept.test(stream)) {
                expected.put(stream, cents);
            }
        });
        long logTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        long modelTotal =
                snapshot.balances().values().stream().mapToLong(Long::longValue).sum();
        if (modelTotal != logTotal) {
            violation("money: read model " + name + " holds " + modelTotal + " cents at position " + snapshot.position()
                    + " where deposits minus withdrawals in the log are " + logTotal);
        }
        if (!snapshot.balances().equals(expected)) {
            violation("read model " + name + " differs from a clean rebuild at position " + snapshot.position());
        }
        snapshot.applied().ifPresent(applied -> compareApplied(name, snapshot.position(), applied, kept));
    }

    /** Each kept account's events in the log (its last version + 1) against the events the read model applied. */
    private void compareApplied(String name, long position, Map<String, Long> applied, Predicate<String> kept) {
        var streams = new java.util.TreeSet<String>();
        versions.keySet().stream().filter(kept).forEach(streams::add);
        streams.addAll(applied.keySet());
        for (String stream : streams) {
            long inLog = versions.getOrDefault(stream, -1L) + 1;
            long done = applied.getOrDefault(stream, 0L);
            if (done > inLog) {
                duplicated += done - inLog;
                violation("read model " + name + " applied " + done + " events of " + stream + " where the log has "
                        + inLog + " through position " + position + ": applied twice");
            } else if (done < inLog) {
                violation("read model " + name + " applied " + done + " events of " + stream + " where the log has "
                        + inLog + " through position " + position + ": skipped");
            }
        }
    }

    private void violation(String text) {
        violationCount++;
        if (violations.size() < KEPT_VIOLATIONS) {
            violations.add(text);
        }
    }

    /** What the checks found: empty when every invariant held. The first 50, in the order found. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many violations were found in all. */
    public long violationCount() {
        return violationCount;
    }

    /** Acknowledged events not found in the log. */
    public long lost() {
        return lost;
    }

    /** Events stored or delivered twice. */
    public long duplicated() {
        return duplicated;
    }

    /** How many incremental checks ran. */
    public int incrementalChecks() {
        return incrementalChecks;
    }

    /** How many full checks ran. */
    public int fullChecks() {
        return fullChecks;
    }

    /** The drill's streams found in the log. */
    public java.util.Set<String> streams() {
        return java.util.Set.copyOf(versions.keySet());
    }

    /** The last position checked. */
    public long checkedThrough() {
        return checkedThrough;
    }
}
