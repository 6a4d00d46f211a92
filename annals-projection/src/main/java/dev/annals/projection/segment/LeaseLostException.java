package dev.annals.projection.segment;

/** A segment's read model refused to commit because its worker no longer holds the lease with that epoch. */
public final class LeaseLostException extends RuntimeException {

    private final String projection;
    private final int segment;
    private final String owner;
    private final long epoch;

    public LeaseLostException(String projection, int segment, String owner, long epoch) {
        super("worker " + owner + " no longer holds segment " + segment + " of projection " + projection
                + " with epoch " + epoch + " (expired or taken over); nothing was committed");
        this.projection = projection;
        this.segment = segment;
        this.owner = owner;
        this.epoch = epoch;
    }

    /** The segmented projection. */
    public String projection() {
        return projection;
    }

    /** The segment whose lease was lost. */
    public int segment() {
        return segment;
    }

    /** The worker that believed it held the lease. */
    public String owner() {
        return owner;
    }

    /** The epoch it held it with. */
    public long epoch() {
        return epoch;
    }
}
