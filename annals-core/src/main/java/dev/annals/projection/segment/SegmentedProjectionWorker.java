package dev.annals.projection.segment;

import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.segment.internal.SegmentReadModel;
import dev.annals.projection.segment.internal.SegmentReader;
import dev.annals.store.EventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * One worker process's share of a projection split into segments by stream ({@link StreamSegments}).
 *
 * <p>Every heartbeat the worker renews the leases it holds, stops the segments whose lease it lost,
 * releases segments above its fair share ({@code ceil(segments / live workers)}) and claims free or
 * expired ones up to it. Each claimed segment runs as a {@link ProjectionRunner} named
 * {@link SegmentLease#segmentName()}, reading only the segment's streams, writing through the read model
 * {@link SegmentedReadModels} opens for its lease: events of a stream are handled in order by one worker at
 * a time, and a worker that lost a lease cannot commit (the read model checks the epoch in each
 * transaction). A dead worker's segments are taken over once their leases expire, within
 * {@link SegmentOptions#leaseTtl()} plus one heartbeat.
 *
 * @param <C> the handlers' context type
 */
public final class SegmentedProjectionWorker<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedProjectionWorker.class);

    private final Projection<C> projection;
    private final String name;
    private final EventReader reader;
    private final SegmentLeases leases;
    private final SegmentedReadModels<C> readModels;
    private final SegmentOptions options;
    private final ConcurrentSkipListMap<Integer, Running<C>> running = new ConcurrentSkipListMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private record Running<C>(SegmentLease lease, ReadModelStore<C> store, ProjectionRunner<C> runner) {
    }

    private SegmentedProjectionWorker(Projection<C> projection, EventReader reader, SegmentLeases leases,
                                      SegmentedReadModels<C> readModels, SegmentOptions options) {
        this.projection = projection;
        this.name = projection.name();
        this.reader = reader;
        this.leases = leases;
        this.readModels = readModels;
        this.options = options;
        this.thread = Thread.ofVirtual().name("segments-" + name).unstarted(this::run);
    }

    /**
     * Joins the workers of {@code projection} and starts claiming segments. The caller keeps ownership of
     * {@code reader} and {@code leases} and closes them after the worker.
     *
     * @throws IllegalArgumentException      when the projection reads one stream (nothing to split)
     * @throws SegmentCountMismatchException when the projection was set up with another number of segments
     */
    public static <C> SegmentedProjectionWorker<C> start(Projection<C> projection, EventReader reader,
                                                         SegmentLeases leases, SegmentedReadModels<C> readModels,
                                                         SegmentOptions options) {
        requireNonNull(projection, "projection");
        if (projection.source().byVersion()) {
            throw new IllegalArgumentException("projection " + projection.name() + " reads one stream ("
                    + projection.source() + "); a single stream cannot be split into segments");
        }
        var worker = new SegmentedProjectionWorker<>(projection, requireNonNull(reader, "reader"),
                requireNonNull(leases, "leases"), requireNonNull(readModels, "readModels"),
                requireNonNull(options, "options"));
        leases.join(projection.name(), options.segments(), options.worker());
        worker.thread.start();
        return worker;
    }

    private void run() {
        LOG.info("worker {} joined segmented projection {} ({} segments, lease ttl {})", options.worker(), name,
                options.segments(), options.leaseTtl());
        try {
            do {
                try {
                    step();
                } catch (RuntimeException e) {
                    LOG.error("worker {} of projection {} heartbeat failed, trying again in {}: {}",
                            options.worker(), name, options.heartbeat(), e.toString());
                }
            } while (!closing.await(options.heartbeat().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.keySet().forEach(segment -> stop(segment, true));
            try {
                leases.leave(name, options.worker());
            } catch (RuntimeException e) {
                LOG.warn("worker {} could not leave projection {}; its leases expire by themselves: {}",
                        options.worker(), name, e.toString());
            }
            LOG.info("worker {} left segmented projection {}", options.worker(), name);
        }
    }

    private void step() {
        var held = new TreeMap<Integer, SegmentLease>();
        leases.renew(name, options.worker()).forEach(lease -> held.put(lease.segment(), lease));
        for (var entry : List.copyOf(running.entrySet())) {
            var now = held.get(entry.getKey());
            if (now == null || now.epoch() != entry.getValue().lease().epoch()) {
                LOG.warn("worker {} lost segment {} of projection {} (epoch {}); stopping it", options.worker(),
                        entry.getKey(), name, entry.getValue().lease().epoch());
                stop(entry.getKey(), false);
            }
        }
        held.forEach((segment, lease) -> {
            if (!running.containsKey(segment)) {
                begin(lease);
            }
        });
        int share = Math.ceilDiv(options.segments(), Math.max(1, leases.liveWorkers(name)));
        while (running.size() > share) {
            int segment = running.lastKey();
            LOG.info("worker {} releasing segment {} of projection {}: fair share is {}", options.worker(), segment,
                    name, share);
            stop(segment, true);
        }
        if (running.size() < share) {
            for (SegmentLease lease : leases.leases(name)) {
                if (running.size() >= share) {
                    break;
                }
                if (!lease.active() && !running.containsKey(lease.segment())) {
                    leases.claim(name, lease.segment(), options.worker()).ifPresent(this::begin);
                }
            }
        }
    }

    private void begin(SegmentLease lease) {
        var store = new SegmentReadModel<>(readModels.open(lease), name);
        try {
            var runner = ProjectionRunner.start(projection.named(lease.segmentName()),
                    new SegmentReader(reader, lease.segment(), lease.segments()), store, options.runner());
            running.put(lease.segment(), new Running<>(lease, store, runner));
            LOG.info("worker {} runs segment {} of projection {} with epoch {}", options.worker(), lease.segment(),
                    name, lease.epoch());
        } catch (RuntimeException e) {
            store.close();
            leases.release(lease);
            throw e;
        }
    }

    private void stop(int segment, boolean release) {
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
                LOG.warn("worker {} could not release segment {} of projection {}; it expires by itself: {}",
                        options.worker(), segment, name, e.toString());
            }
        }
    }

    /** The segments this worker runs now, in order. */
    public List<Integer> segments() {
        return List.copyOf(running.keySet());
    }

    /** This worker's id, as lease owner. */
    public String worker() {
        return options.worker();
    }

    /** Stops every segment (batches being handled finish first), releases their leases and leaves. */
    @Override
    public void close() {
        closing.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
