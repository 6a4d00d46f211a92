package dev.annals.projection.replay;

/**
 * What a replay did.
 *
 * @param projection  the projection's name
 * @param version     the read-model version the events went into (tables {@code NAME_vN})
 * @param liveVersion the version queries kept seeing, untouched
 * @param from        the first position asked for
 * @param to          the last position delivered up to (the head when asked for {@link ReplayRange#HEAD})
 * @param read        events of the source read in the range
 * @param handled     events of those that a handler of the projection handled
 * @param seconds     how long it took
 */
public record ReplayResult(
        String projection, int version, int liveVersion, long from, long to, long read, long handled, double seconds) {

    /** Events read per second. */
    public double rate() {
        return seconds <= 0 ? 0 : read / seconds;
    }
}
