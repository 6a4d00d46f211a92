package dev.annals.projection.segment;

import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.segment.internal.SegmentRunners;
import dev.annals.store.EventReader;
import io.micrometer.core.instrument.Gauge;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@link SegmentOptions#leaseTtl()} plus one heartbeat. The segment runners obey pause and resume requests
 * made for the projection's name. See ADR 0009.
 *
 * @param <C> the handlers' context type
 */
public final class SegmentedProjectionWorker<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedProjectionWorker.class);

    private final String name;
    private final SegmentLeases leases;
    private final SegmentOptions options;
    private final SegmentRunners<C> running;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private final Gauge held;

    private SegmentedProjectionWorker(
            Projection<C> projection,
            EventReader reader,
            SegmentLeases leases,
            SegmentedReadModels<C> readModels,
            SegmentOptions options) {
        this.name = projection.name();
        this.leases = leases;
        this.options = options;
        this.running = new SegmentRunners<>(projection, reader, leases, readModels, options.runner(), options.worker());
        this.thread = Thread.ofVirtual().name("segments-" + name).unstarted(this::run);
        this.held = Gauge.builder("annals.projection.segments.held", running, SegmentRunners::size)
                .description("segments of the projection this worker runs now")
                .tag("projection", name)
                .tag("worker", options.worker())
                .register(options.runner().meterRegistry());
    }

    /**
     * Joins the workers of {@code projection} and starts claiming segments. The caller keeps ownership of
     * {@code reader} and {@code leases} and closes them after the worker.
     *
     * @throws IllegalArgumentException      when the projection reads one stream (nothing to split)
     * @throws SegmentCountMismatchException when the projection was set up with another number of segments
     */
    public static <C> SegmentedProjectionWorker<C> start(
            Projection<C> projection,
            EventReader reader,
            SegmentLeases leases,
            SegmentedReadModels<C> readModels,
            SegmentOptions options) {
        requireNonNull(projection, "projection");
        if (projection.source().byVersion()) {
            throw new IllegalArgumentException("projection " + projection.name() + " reads one stream ("
                    + projection.source() + "); a single stream cannot be split into segments");
        }
        requireNonNull(leases, "leases")
                .join(projection.name(), requireNonNull(options, "options").segments(), options.worker());
        var worker = new SegmentedProjectionWorker<>(
                projection,
                requireNonNull(reader, "reader"),
                leases,
                requireNonNull(readModels, "readModels"),
                options);
        worker.thread.start();
        return worker;
    }

    private void run() {
        LOG.info(
                "worker {} joined segmented projection {} ({} segments, lease ttl {})",
                options.worker(),
                name,
                options.segments(),
                options.leaseTtl());
        try {
            do {
                try {
                    step();
                } catch (RuntimeException e) {
                    LOG.error(
                            "worker {} of projection {} heartbeat failed, trying again in {}: {}",
                            options.worker(),
                            name,
                            options.heartbeat(),
                            e.toString());
                }
            } while (!closing.await(options.heartbeat().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.segments().forEach(segment -> running.stop(segment, true));
            try {
                leases.leave(name, options.worker());
            } catch (RuntimeException e) {
                LOG.warn(
                        "worker {} could not leave projection {}; its leases expire by themselves: {}",
                        options.worker(),
                        name,
                        e.toString());
            }
            options.runner().meterRegistry().remove(held);
            LOG.info("worker {} left segmented projection {}", options.worker(), name);
        }
    }

    private void step() {
        var renewed = new TreeMap<Integer, SegmentLease>();
        leases.renew(name, options.worker()).forEach(lease -> renewed.put(lease.segment(), lease));
        for (int segment : running.segments()) {
            var now = renewed.get(segment);
            long epoch = running.lease(segment).map(SegmentLease::epoch).orElse(-1L);
            if (now == null || now.epoch() != epoch) {
                LOG.warn(
                        "worker {} lost segment {} of projection {} (epoch {}); stopping it",
                        options.worker(),
                        segment,
                        name,
                        epoch);
                running.stop(segment, false);
            }
        }
        renewed.forEach((segment, lease) -> {
            if (running.lease(segment).isEmpty()) {
                running.begin(lease);
            }
        });
        int share = Math.ceilDiv(options.segments(), Math.max(1, leases.liveWorkers(name)));
        while (running.size() > share) {
            int segment = running.last();
            LOG.info(
                    "worker {} releasing segment {} of projection {}: its fair share is {}",
                    options.worker(),
                    segment,
                    name,
                    share);
            running.stop(segment, true);
        }
        for (SegmentLease lease : leases.leases(name)) {
            if (running.size() >= share) {
                break;
            }
            if (!lease.active() && running.lease(lease.segment()).isEmpty()) {
                leases.claim(name, lease.segment(), options.worker()).ifPresent(running::begin);
            }
        }
    }

    /** The segments this worker runs now, in order. */
    public List<Integer> segments() {
        return running.segments();
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
