package dev.annals.projection.segment.internal;

import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.projection.segment.SegmentedReadModels;
import dev.annals.store.EventReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segments one worker runs: a {@link ProjectionRunner} per held lease, on a reader filtered to the
 * segment and a read model fenced by the lease. Used by the worker's heartbeat thread only; {@link #size()}
 * and {@link #segments()} may be read from any thread.
 */
public final class SegmentRunners<C> {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentRunners.class);

    private final Projection<C> projection;
    private final EventReader reader;
    private final SegmentLeases leases;
    private final SegmentedReadModels<C> readModels;
    private final ProjectionOptions options;
    private final String worker;
    private final ConcurrentSkipListMap<Integer, Running<C>> running = new ConcurrentSkipListMap<>();

    private record Running<C>(SegmentLease lease, ReadModelStore<C> store, ProjectionRunner<C> runner) {}

    public SegmentRunners(
            Projection<C> projection,
            EventReader reader,
            SegmentLeases leases,
            SegmentedReadModels<C> readModels,
            ProjectionOptions options,
            String worker) {
        this.projection = projection;
        this.reader = reader;
        this.leases = leases;
        this.readModels = readModels;
        this.options = options;
        this.worker = worker;
    }

    /** Starts running the segment of {@code lease}; releases the lease when it cannot. */
    public void begin(SegmentLease lease) {
        var store = new SegmentReadModel<>(readModels.open(lease), projection.name());
        try {
            var runner = ProjectionRunner.start(
                    projection.named(lease.segmentName()),
                    new SegmentReader(reader, lease.segment(), lease.segments()),
                    store,
                    options);
            running.put(lease.segment(), new Running<>(lease, store, runner));
            LOG.info(
                    "worker {} runs segment {} of projection {} with epoch {}",
                    worker,
                    lease.segment(),
                    projection.name(),
                    lease.epoch());
        } catch (RuntimeException e) {
            store.close();
            leases.release(lease);
            throw e;
        }
    }

    /**
     * Stops running {@code segment} (a batch being handled finishes first, or fails at its fence) and, with
     * {@code release}, gives its lease up so that another worker may claim it at once.
     */
    public void stop(int segment, boolean release) {
        var stopped = running.remove(segment);
        if (stopped == null) {
            return;
        }
        stopped.runner().close();
        stopped.store().close();
        if (release) {
            try {
                leases.release(stopped.lease());
            } catch (RuntimeException e) {
                LOG.warn(
                        "worker {} could not release segment {} of projection {}; it expires by itself: {}",
                        worker,
                        segment,
                        projection.name(),
                        e.toString());
            }
        }
    }

    /** The lease segment {@code segment} runs under, when it runs. */
    public Optional<SegmentLease> lease(int segment) {
        return Optional.ofNullable(running.get(segment)).map(Running::lease);
    }

    /** The segments running now, in order. */
    public List<Integer> segments() {
        return List.copyOf(running.keySet());
    }

    /** How many segments run now. */
    public int size() {
        return running.size();
    }

    /** The highest segment running; call only when {@link #size()} is not 0. */
    public int last() {
        return running.lastKey();
    }
}
