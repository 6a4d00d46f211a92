package dev.annals.bench.compare.internal;

import dev.annals.bench.internal.LoadDriver;
import java.util.concurrent.atomic.LongAdder;

/**
 * A writer that appends to one stream with exact expected versions; on a conflict it retries from the
 * version the conflict reports (Annals) or, when the target's conflict does not say, from a read of the
 * stream's version (Axon, the plain loop), so a contended run measures appends including their retries.
 */
public final class TargetWriter implements LoadDriver.Writer<Integer> {

    private final AppendTarget target;
    private final String stream;
    private final LongAdder retries;
    private long version;

    /**
     * A writer of {@code stream}, which must be new (the writer's first append expects no stream),
     * counting its retries in {@code retries}. New streams are not asked for their version: Axon's
     * {@code lastSequenceNumberFor} fails on SQLite for a stream without events.
     */
    public TargetWriter(AppendTarget target, String stream, LongAdder retries) {
        this.target = target;
        this.stream = stream;
        this.retries = retries;
        this.version = -1;
    }

    /** The stream this writer appends to. */
    public String stream() {
        return stream;
    }

    /** Whether the writer has appended at least once, so that its stream exists. */
    public boolean appended() {
        return version >= 0;
    }

    @Override
    public Integer prepare(int events) {
        // The events themselves are built inside append: their versions are only known there.
        return events;
    }

    @Override
    public void append(Integer events) throws Exception {
        while (true) {
            try {
                version = target.append(stream, version, events);
                return;
            } catch (VersionConflict conflict) {
                retries.increment();
                var reported = conflict.actualVersion();
                version = reported.isPresent() ? reported.getAsLong() : target.currentVersion(stream);
            }
        }
    }
}
