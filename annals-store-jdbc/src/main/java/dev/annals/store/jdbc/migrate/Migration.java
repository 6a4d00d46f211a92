package dev.annals.store.jdbc.migrate;

import dev.annals.audit.EventHash;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventTransform;
import dev.annals.store.EventReader;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.EventImport;
import dev.annals.store.jdbc.transfer.ImportRejectedException;
import dev.annals.store.jdbc.transfer.StoredSubjectKey;
import dev.annals.store.jdbc.transfer.TransferSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Copies every event of one store into another, keeping ids, streams, versions, types, payloads, metadata,
 * timestamps and global positions, optionally rewritten by an {@link EventTransform}; then the marks of the
 * deleted and truncated streams and the subjects' data keys (as stored: wrapped keys stay wrapped) with the
 * record of the forgotten subjects, so that the copy deletes and forgets what the source did.
 *
 * <p>Resumable: the copy goes on after the target's head, in batches that each commit whole. Before going
 * on it checks that what the target holds is the source's beginning (transformed), event by event, and
 * refuses a target holding anything else. At the end it reads the whole target back and compares its count
 * and its {@link EventHash} chain with the source's, and its marks and keys with the source's. Events,
 * deletions and keys written to the source after the run started are left for the next run: the events,
 * marks and keys copied are those of one read transaction of the source ({@link #snapshot()}).
 */
public final class Migration {

    private static final Logger LOG = LoggerFactory.getLogger(Migration.class);

    /** Told after each committed batch: events copied so far, the last position copied. */
    @FunctionalInterface
    public interface Listener {
        void copied(long events, long position);
    }

    private final MigrationEnd from;
    private final MigrationEnd to;
    private final CheckedTransform transform;
    private final int batchSize;

    /**
     * A migration from {@code from} to {@code to}, each event rewritten by {@code transform}, committed in
     * batches of {@code batchSize} events.
     *
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     */
    public Migration(MigrationEnd from, MigrationEnd to, EventTransform transform, int batchSize) {
        this.from = requireNonNull(from, "from");
        this.to = requireNonNull(to, "to");
        this.transform = new CheckedTransform(transform);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The source's head position, stream marks and subject keys, read at once: what a run copies. */
    public TransferSnapshot snapshot() {
        try (var source = from.openExisting()) {
            return from.snapshot();
        }
    }

    /**
     * Runs the migration up to the head of {@code snapshot}, then gives the target its marks and keys.
     *
     * @throws MigrationRejectedException when the target holds other events, marks or keys, a transform
     *                                    misbehaves, or the final check fails
     */
    public MigrationReport run(TransferSnapshot snapshot, Listener listener) {
        long started = System.nanoTime();
        long upTo = snapshot.head();
        try (var source = from.openExisting()) {
            long resumedAfter;
            byte[] chain;
            long count;
            try (var target = to.open()) {
                resumedAfter = target.headPosition();
                if (resumedAfter > upTo) {
                    throw new MigrationRejectedException(to + " holds other events: its head " + resumedAfter
                            + " is past the source's head " + upTo + "; migrate into an empty store");
                }
                var prefix = checkPrefix(source, target, resumedAfter);
                chain = prefix.chain();
                count = prefix.count();
            }
            if (resumedAfter > 0) {
                LOG.info(
                        "migration resumes after position {}: {} event(s) already in {} match the source",
                        resumedAfter,
                        count,
                        to);
            }
            long copied = 0;
            int carried;
            try (var target = to.openImport();
                    Stream<RecordedEvent> events = source.readAll(resumedAfter + 1)) {
                var batch = new ArrayList<RecordedEvent>(batchSize);
                for (Iterator<RecordedEvent> it = events.iterator(); it.hasNext(); ) {
                    var event = it.next();
                    if (event.position() > upTo) {
                        break;
                    }
                    var copy = transform.apply(event);
                    chain = EventHash.chain(chain, copy);
                    batch.add(copy);
                    if (batch.size() == batchSize) {
                        copied += write(target, batch, copied, listener);
                    }
                }
                copied += write(target, batch, copied, listener);
                carried = carry(target, snapshot.erasure());
            }
            count += copied;
            var verified = verify(chain, count);
            verify(snapshot.erasure());
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info(
                    "migrated {} event(s) from {} to {} in {} s; {} verified, head {}, hash {}; {}",
                    copied,
                    from,
                    to,
                    seconds,
                    count,
                    verified.head(),
                    EventHash.hex(chain),
                    snapshot.erasure().summary());
            return new MigrationReport(
                    resumedAfter,
                    copied,
                    count,
                    verified.head(),
                    EventHash.hex(chain),
                    snapshot.erasure(),
                    carried,
                    seconds);
        }
    }

    private long write(EventImport target, List<RecordedEvent> batch, long before, Listener listener) {
        if (batch.isEmpty()) {
            return 0;
        }
        long position = target.write(batch);
        int written = batch.size();
        batch.clear();
        listener.copied(before + written, position);
        return written;
    }

    private int carry(EventImport target, ErasureState erasure) {
        try {
            return target.writeErasureState(erasure);
        } catch (ImportRejectedException e) {
            throw new MigrationRejectedException(to + " cannot take the source's stream marks and subject keys: "
                    + e.getMessage() + "; migrate into an empty store");
        }
    }

    /** Checks that the target holds every mark and key of the source as the source holds it. */
    private void verify(ErasureState expected) {
        ErasureState actual;
        try (var target = to.openImport()) {
            actual = target.erasureState();
        }
        var marks = new HashSet<>(actual.marks());
        var keys = actual.subjectKeys().stream().collect(Collectors.toMap(StoredSubjectKey::subject, key -> key));
        for (var mark : expected.marks()) {
            if (!marks.contains(mark)) {
                throw new MigrationRejectedException("verification failed: " + to + " does not hold the mark of"
                        + " stream " + mark.stream() + " as the source does (was the target written to meanwhile?)");
            }
        }
        for (var key : expected.subjectKeys()) {
            var held = keys.get(key.subject());
            if (held == null || !held.sameKey(key)) {
                throw new MigrationRejectedException("verification failed: " + to + " does not hold the data key of"
                        + " subject '" + key.subject() + "' as the source does (was the target written to meanwhile?)");
            }
        }
    }

    private record Hashed(byte[] chain, long count, long head) {}

    /** Checks the target's events up to {@code head} against the source's, transformed; returns their chain. */
    private Hashed checkPrefix(EventReader source, EventReader target, long head) {
        byte[] chain = EventHash.GENESIS;
        long count = 0;
        if (head == 0) {
            return new Hashed(chain, 0, 0);
        }
        try (var expected = source.readAll(1).takeWhile(e -> e.position() <= head);
                var actual = target.readAll(1).takeWhile(e -> e.position() <= head)) {
            var want = expected.iterator();
            var have = actual.iterator();
            while (want.hasNext() || have.hasNext()) {
                if (!have.hasNext()) {
                    var missing = want.next();
                    throw otherEvents(missing.position(), "nothing", CheckedTransform.describe(missing));
                }
                var found = have.next();
                if (!want.hasNext()) {
                    throw otherEvents(found.position(), CheckedTransform.describe(found), "nothing");
                }
                var copy = transform.apply(want.next());
                byte[] next = EventHash.chain(chain, copy);
                if (!Arrays.equals(next, EventHash.chain(chain, found))) {
                    throw otherEvents(
                            Math.min(copy.position(), found.position()),
                            CheckedTransform.describe(found),
                            CheckedTransform.describe(copy));
                }
                chain = next;
                count++;
            }
        }
        return new Hashed(chain, count, head);
    }

    private MigrationRejectedException otherEvents(long position, String found, String expected) {
        return new MigrationRejectedException(to + " holds other events: at position " + position + " it has "
                + found + " where the source has " + expected + "; migrate into an empty store, or into the"
                + " target of an interrupted migration from the same source with the same transform");
    }

    private Hashed verify(byte[] expectedChain, long expectedCount) {
        byte[] chain = EventHash.GENESIS;
        long count = 0;
        long head = 0;
        try (var target = to.open();
                var events = target.readAll(1)) {
            for (var it = events.iterator(); it.hasNext(); ) {
                var event = it.next();
                chain = EventHash.chain(chain, event);
                count++;
                head = event.position();
            }
        }
        if (count != expectedCount || !Arrays.equals(chain, expectedChain)) {
            throw new MigrationRejectedException("verification failed: " + to + " holds " + count
                    + " event(s) with hash " + EventHash.hex(chain) + ", the source " + expectedCount
                    + " with hash " + EventHash.hex(expectedChain) + " (was the target written to meanwhile?)");
        }
        return new Hashed(chain, count, head);
    }
}
