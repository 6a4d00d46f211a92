package dev.annals.projection.segment;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One segment's lease as the lease store last saw it.
 *
 * @param projection the segmented projection's name
 * @param segment    0 to {@code segments - 1}
 * @param segments   how many segments the projection has
 * @param owner      the worker holding it; empty when nobody does
 * @param epoch      the fencing token: raised by one on every claim, so a worker that lost the lease can
 *                   be told from the one that holds it now; 0 before the first claim
 * @param expiresAt  when the lease lapses unless renewed, by the lease store's clock
 * @param active     true when held and not expired, by the lease store's clock when it was read
 */
public record SegmentLease(
        String projection, int segment, int segments, String owner, long epoch, Instant expiresAt, boolean active) {

    public SegmentLease {
        requireNonNull(projection, "projection");
        requireNonNull(owner, "owner");
        requireNonNull(expiresAt, "expiresAt");
        if (segment < 0 || segment >= segments) {
            throw new IllegalArgumentException("segment must be 0 to " + (segments - 1) + ", was " + segment);
        }
    }

    /** The name the segment runs as: its checkpoint, health and dead letters are kept under it. */
    public String segmentName() {
        return segmentName(projection, segment);
    }

    /** The name segment {@code segment} of {@code projection} runs as: {@code projection-seg-N}. */
    public static String segmentName(String projection, int segment) {
        return projection + "-seg-" + segment;
    }
}
