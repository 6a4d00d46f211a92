package dev.annals.drill.check;

import java.util.Map;

/** A read model a drill keeps running, as the invariant checker compares it with a clean rebuild. */
public interface ReadModelView {

    /** Its name in reports. */
    String name();

    /**
     * Its balances (cents by stream) and the position through which it has processed the log, taken
     * together, so that the checker can compare them with the log at exactly that position.
     */
    Snapshot snapshot() throws Exception;

    /**
     * The read model at one position.
     *
     * @param position the last position it processed
     * @param balances cents by account stream
     */
    record Snapshot(long position, Map<String, Long> balances) {
        /** Copies. */
        public Snapshot {
            balances = Map.copyOf(balances);
        }
    }
}
