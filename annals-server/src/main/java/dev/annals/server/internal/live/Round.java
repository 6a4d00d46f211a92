package dev.annals.server.internal.live;

/**
 * What one round of the {@link Fanout} tells the live clients: the log up to {@code to} is theirs to send,
 * and, when the round is small enough for one client's batch, its frames joined in one piece. A client that
 * wants the whole log and stands where the round began writes that piece with one call, as it is, instead
 * of a write per event. The positions after {@code after} up to {@code to} are all in it, except gaps
 * (positions with no event).
 *
 * @param after  the position before the round's first frame
 * @param to     the last position of the round: live clients send up to here, and wait for the next round
 * @param joined whether {@code frames} holds the round's frames (false when there were too many to join)
 * @param frames the frames, oldest first, or nothing when not {@code joined}
 */
record Round(long after, long to, boolean joined, byte[] frames) {

    /** Before the first round. */
    static Round before(long position) {
        return new Round(position, position, true, new byte[0]);
    }

    /** True when a client that has sent up to {@code cursor} and wants every event may send {@link #frames}. */
    boolean startsAt(long cursor) {
        return joined && after == cursor;
    }
}
