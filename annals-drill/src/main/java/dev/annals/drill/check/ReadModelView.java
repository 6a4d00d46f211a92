package dev.annals.drill.check;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
     * @param applied  how many events of each account stream it applied, for a read model that counts them
     *                 (an event applied twice or skipped shows here even when the amounts cancel out);
     *                 empty when it does not count
     * @param streams  the account streams it keeps: all of them, or one segment's of a segmented projection,
     *                 whose position says nothing of the other segments' streams
     */
    record Snapshot(
            long position, Map<String, Long> balances, Optional<Map<String, Long>> applied, Predicate<String> streams) {
        /** Copies. */
        public Snapshot {
            balances = Map.copyOf(balances);
            applied = applied.map(Map::copyOf);
        }

        /** A snapshot of a read model that does not count the events it applied. */
        public Snapshot(long position, Map<String, Long> balances) {
            this(position, balances, Optional.empty(), stream -> true);
        }

        /** A snapshot of a read model that counts the events it applied, by account stream. */
        public Snapshot(long position, Map<String, Long> balances, Map<String, Long> applied) {
            this(position, balances, Optional.of(applied), stream -> true);
        }

        /** This snapshot, of a read model that keeps only the account streams {@code kept} accepts. */
        public Snapshot covering(Predicate<String> kept) {
            return new Snapshot(position, balances, applied, kept);
        }
    }
}
