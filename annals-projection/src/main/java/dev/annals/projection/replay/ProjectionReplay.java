package dev.annals.projection.replay;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.RebuildMode;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Replays a range of events into a NEW version of a projection's read model, beside the live one, which it
 * never touches: queries and the projection's runner go on as before. It builds the version as a blue/green
 * rebuild does (emptied, then written through {@code context(event, version)} with a checkpoint key
 * {@code NAME@vN}), into version {@code live + 2}: a rebuild of the current live version builds
 * {@code live + 1}, so one requested while the replay runs never writes into the replay's tables (and the
 * replay stops at its next batch). It is never promoted. It serves to inspect what today's handlers make of history, or of one range of it, without stopping or
 * risking the live read model; a later rebuild or replay replaces it. To replace the live read model, ask
 * for a rebuild ({@code annals projections rebuild}), which the runner carries out.
 *
 * <p>A range that starts after position 1 gives a partial read model: only the effects of those events on
 * empty tables (an update of a row created earlier finds nothing). Handlers run exactly as in the runner, one
 * transaction per batch with the checkpoint; an event a handler fails on stops the replay (no retries, no
 * dead letters: they belong to the live projection).
 *
 * <p>It refuses to start while a rebuild is requested, and stops when one is requested or the live version
 * changes while it runs (it looks before each batch), since the rebuild then owns that version.
 *
 * @param <C> the handlers' context type
 */
public final class ProjectionReplay<C> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReplay.class);

    /** Told after each committed batch: events read so far and the last position delivered. */
    @FunctionalInterface
    public interface Progress {
        void replayed(long events, long position);
    }

    private final Projection<C> projection;
    private final EventReader reader;
    private final ReadModelStore<C> target;
    private final int batchSize;

    /**
     * A replay of {@code projection} reading {@code reader} and writing into {@code target}, {@code batchSize}
     * events per transaction. The caller keeps ownership of {@code target}.
     */
    public ProjectionReplay(Projection<C> projection, EventReader reader, ReadModelStore<C> target, int batchSize) {
        this.projection = requireNonNull(projection, "projection");
        this.reader = requireNonNull(reader, "reader");
        this.target = requireNonNull(target, "target");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Replays {@code range} into version {@code live + 2}, emptied first.
     *
     * @throws ReplayException when a rebuild is under way or starts, or a handler fails
     * @throws Exception       when the read model's store fails
     */
    public ReplayResult run(ReplayRange range, Progress progress) throws Exception {
        requireNonNull(range, "range");
        requireNonNull(progress, "progress");
        long started = System.nanoTime();
        String name = projection.name();
        var control = target.states().control(name);
        if (control.rebuild() != RebuildMode.NONE) {
            throw new ReplayException("projection " + name + " has a " + control.rebuild() + " rebuild requested or"
                    + " under way; replay once it is done");
        }
        int live = control.liveVersion();
        // Not live + 1: that is where a rebuild requested meanwhile would build (see the class comment).
        int version = live + 2;
        String key = name + "@v" + version;
        long to = Math.min(range.to(), reader.headPosition());
        target.transact(tx -> {
            tx.ensureVersion(name, live);
            tx.prepareVersion(name, version);
            tx.deleteCheckpoint(key);
            return null;
        });
        LOG.info(
                "replaying projection {} positions {}..{} into version {} beside live version {}",
                name,
                range.from(),
                to,
                version,
                live);
        long read = 0;
        long handled = 0;
        try (Stream<RecordedEvent> events = events(range.from())) {
            var batch = new ArrayList<RecordedEvent>(batchSize);
            for (var it = events.iterator(); it.hasNext(); ) {
                var event = it.next();
                if (event.position() > to) {
                    break;
                }
                batch.add(event);
                if (batch.size() == batchSize) {
                    handled += deliver(batch, version, live, key);
                    read += batch.size();
                    progress.replayed(read, batch.getLast().position());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                handled += deliver(batch, version, live, key);
                read += batch.size();
                progress.replayed(read, batch.getLast().position());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "replayed projection {} positions {}..{} into version {}: {} event(s) read, {} handled, in {} s",
                name,
                range.from(),
                to,
                version,
                read,
                handled,
                seconds);
        return new ReplayResult(name, version, live, range.from(), to, read, handled, seconds);
    }

    private Stream<RecordedEvent> events(long from) {
        var source = projection.source();
        // A stream is read by stream version, not by position: read it whole and skip to the position.
        return source instanceof ReadSource.StreamOf
                ? reader.read(ReadRequest.forward(source)).filter(event -> event.position() >= from)
                : reader.read(ReadRequest.forward(source).from(from));
    }

    private long deliver(List<RecordedEvent> batch, int version, int live, String key) throws Exception {
        String name = projection.name();
        ProjectionControl control = target.states().control(name);
        if (control.rebuild() != RebuildMode.NONE || control.liveVersion() != live) {
            throw new ReplayException("projection " + name + " changed while replaying (rebuild " + control.rebuild()
                    + ", live version " + control.liveVersion() + " instead of " + live + "); replay of version "
                    + version + " abandoned, the runner owns that version now");
        }
        return target.transact(tx -> {
            long ran = 0;
            for (var event : batch) {
                try {
                    if (projection.apply(event, tx.context(event, version)) > 0) {
                        ran++;
                    }
                } catch (Exception e) {
                    throw new ReplayException(
                            "projection " + name + " failed on position " + event.position()
                                    + " event id " + event.eventId() + " type " + event.type() + " (stream "
                                    + event.stream()
                                    + "): " + e + "; version " + version + " holds the events before its batch",
                            e);
                }
            }
            tx.saveCheckpoint(key, batch.getLast().position());
            return ran;
        });
    }
}
