package dev.annals.projection.segment;

import java.util.List;
import java.util.Optional;

/**
 * Where segment leases and live workers are kept, shared by every worker process of a segmented
 * projection. Expiry is judged by the store's clock, never by a worker's, so workers need no clock sync.
 *
 * <p>A lease alone does not keep two workers apart (a paused worker may still believe it holds one): the
 * read model that a {@link SegmentedReadModels} opens for a lease must refuse to commit once the lease's
 * epoch is no longer the current one ({@link LeaseLostException}). Thread-safe.
 */
public interface SegmentLeases {

    /**
     * Registers {@code worker} as live for {@code projection} for one time-to-live, creating the
     * projection's {@code segments} lease rows the first time.
     *
     * @throws SegmentCountMismatchException when the projection was set up with another number of segments
     */
    void join(String projection, int segments, String worker);

    /** Extends {@code worker}'s registration and every lease it still holds; returns those leases. */
    List<SegmentLease> renew(String projection, String worker);

    /** How many workers of {@code projection} have a registration that has not expired. */
    int liveWorkers(String projection);

    /** Every lease of {@code projection}, by segment. */
    List<SegmentLease> leases(String projection);

    /** Every lease of every segmented projection, by projection and segment: what operators look at. */
    List<SegmentLease> all();

    /**
     * Takes segment {@code segment} for {@code worker} when nobody holds it or its lease expired, raising its
     * epoch; empty when another worker holds it.
     */
    Optional<SegmentLease> claim(String projection, int segment, String worker);

    /** Gives {@code lease} up, when still held with its epoch, so that another worker may claim it at once. */
    void release(SegmentLease lease);

    /** Gives up every lease of {@code worker} and removes its registration. */
    void leave(String projection, String worker);
}
