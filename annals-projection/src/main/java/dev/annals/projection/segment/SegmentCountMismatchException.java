package dev.annals.projection.segment;

/**
 * A worker was started with a number of segments other than the one its projection was set up with. The
 * checkpoints are per segment, so the number cannot change under a running projection.
 */
public final class SegmentCountMismatchException extends RuntimeException {

    private final String projection;
    private final int stored;
    private final int requested;

    public SegmentCountMismatchException(String projection, int stored, int requested) {
        super("projection " + projection + " has " + stored + " segments, a worker asked for " + requested
                + "; start every worker with " + stored + " segments");
        this.projection = projection;
        this.stored = stored;
        this.requested = requested;
    }

    /** The segmented projection. */
    public String projection() {
        return projection;
    }

    /** The number of segments the projection was set up with. */
    public int stored() {
        return stored;
    }

    /** The number the worker asked for. */
    public int requested() {
        return requested;
    }
}
