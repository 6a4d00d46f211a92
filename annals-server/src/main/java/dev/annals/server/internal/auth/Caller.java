package dev.annals.server.internal.auth;

import dev.annals.server.auth.Permission;

/**
 * Who sent a request, once authenticated: what it may do, which streams' events it may see, and whether
 * it still may (a live subscription outlives the request that opened it, and ends when this turns false).
 */
public interface Caller {

    /** Anyone, on a server without authentication: may do everything, always. */
    Caller ANYONE = new Caller() {
        @Override
        public void require(Permission permission, String target) {}

        @Override
        public boolean sees(String stream) {
            return true;
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public boolean seesEveryStream() {
            return true;
        }

        @Override
        public String toString() {
            return "anyone";
        }
    };

    /**
     * Returns when this caller may do {@code permission} on {@code target} (a stream name, a virtual stream
     * such as {@code $all}, or an empty string for server-wide operations); otherwise throws a 403
     * {@code ApiException}.
     */
    void require(Permission permission, String target);

    /** True when events of {@code stream} may be returned to this caller (reads of many streams filter by it). */
    boolean sees(String stream);

    /**
     * True when {@link #sees} is true of every stream (no prefix limits this caller), so that a reader of the
     * whole log may send it everything without asking event by event. False when unsure.
     */
    default boolean seesEveryStream() {
        return false;
    }

    /** False once the caller's credentials were revoked: whatever it holds open must end. */
    boolean live();
}
