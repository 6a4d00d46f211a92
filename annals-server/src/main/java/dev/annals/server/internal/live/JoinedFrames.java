package dev.annals.server.internal.live;

/**
 * The frames of one round joined in one piece, shared by every client that wants the whole log and stands
 * where the round began: such a client writes it with one call, as it is, instead of a write per event.
 * The positions after {@code after} up to {@code to} are all in it, except gaps (positions with no event).
 *
 * @param after the position before the first frame
 * @param to    the last position it covers
 * @param bytes the frames, oldest first
 */
record JoinedFrames(long after, long to, byte[] bytes) {}
