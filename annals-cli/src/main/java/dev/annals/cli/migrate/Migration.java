package dev.annals.cli.migrate;

import dev.annals.audit.EventHash;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventTransform;
import dev.annals.store.EventReader;
import dev.annals.store.jdbc.transfer.EventImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Copies every event of one store into another, keeping ids, streams, versions, types, payloads, metadata,
 * timestamps and global positions, optionally rewritten by an {@link EventTransform}.
 *
 * <p>Resumable: the copy goes on after the target's head, in batches that each commit whole. Before going
 * on it checks that what the target holds is the source's beginning (transformed), event by event, and
 * refuses a target holding anything else. At the end it reads the whole target back and compares its count
 * and its {@link EventHash} chain with the source's. Events appended to the source after the run started
 * are left for the next run.
 */
final class Migration {

    private static final Logger LOG = LoggerFactory.getLogger(Migration.class);

    /** Told after each committed batch: events copied so far, the last position copied. */
    @FunctionalInterface
    interface Listener {
        void copied(long events, long position);
    }

    private final StoreLocation from;
    private final StoreLocation to;
    private final CheckedTransform transform;
    private final int batchSize;

    Migration(StoreLocation from, StoreLocation to, EventTransform transform, int batchSize) {
        this.from = requireNonNull(from, "from");
        this.to = requireNonNull(to, "to");
        this.transform = new CheckedTransform(transform);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The source's head position, which a run copies up to. */
    long sourceHead() {
        try (var source = from.openExisting()) {
            return source.headPosition();
        }
    }

    /**
     * Runs the migration up to the source's head {@code upTo}.
     *
     * @throws MigrationRejectedException when the target holds other events, a transform misbehaves, or the
     *                                    final check fails
     */
    MigrationReport run(long upTo, Listener listener) {
        long started = System.nanoTime();
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
                LOG.info("migration resumes after position {}: {} event(s) already in {} match the source",
                        resumedAfter, count, to);
            }
            long copied = 0;
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
            }
            count += copied;
            var verified = verify(chain, count);
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("migrated {} event(s) from {} to {} in {} s; {} verified, head {}, hash {}", copied, from, to,
                    seconds, count, verified.head(), EventHash.hex(chain));
            return new MigrationReport(resumedAfter, copied, count, verified.head(), EventHash.hex(chain), seconds);
        }
    }

    private long write(EventImport target, List<RecordedEvent> batch, long before,
                       Listener listener) {
        if (batch.isEmpty()) {
            return 0;
        }
        long position = target.write(batch);
        int written = batch.size();
        batch.clear();
        listener.copied(before + written, position);
        return written;
    }

    private record Hashed(byte[] chain, long count, long head) {
    }

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
                    throw otherEvents(Math.min(copy.position(), found.position()), CheckedTransform.describe(found), CheckedTransform.describe(copy));
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
        try (var target = to.open(); var events = target.readAll(1)) {
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
