package dev.annals.store.postgres.internal;

import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.VersionRefusal;
import java.util.HashMap;
import java.util.List;

/**
 * The appends of a group that repeat an earlier racer (migration V13, docs/adr/0042): the same stream and the
 * same exact or no-stream expectation as the last append of that stream the group sends. Whatever the earlier
 * one's outcome, a repeat is refused: written, the earlier one moved the stream past the version both expect;
 * refused, the stream was not at it, and nothing else of the stream comes between them. So a repeat is judged
 * from the earlier one's outcome, against the same state the function would have judged it against at its
 * turn, and only its ids go to the server (to be checked for a stored one, which may make it an exact retry).
 * When 16 writers race on each of 4 streams, a group sends 4 appends instead of 64.
 */
final class RepeatedRacers {

    private RepeatedRacers() {}

    /** For each append of {@code group}, the index of the earlier append it repeats, or -1 when it is sent. */
    static int[] of(List<PendingAppend> group) {
        var repeats = new int[group.size()];
        var lastSent = new HashMap<String, Integer>();
        for (int i = 0; i < repeats.length; i++) {
            var append = group.get(i);
            Integer earlier = lastSent.get(append.stream());
            if (earlier != null && judgedAlike(group.get(earlier).expected(), append.expected())) {
                repeats[i] = earlier;
            } else {
                repeats[i] = -1;
                lastSent.put(append.stream(), i);
            }
        }
        return repeats;
    }

    /** Whether an append expecting {@code later} is refused whatever becomes of one expecting {@code earlier}. */
    private static boolean judgedAlike(ExpectedVersion earlier, ExpectedVersion later) {
        return switch (later) {
            case ExpectedVersion.Exact exact ->
                earlier instanceof ExpectedVersion.Exact other && other.version() == exact.version();
            case ExpectedVersion.NoStream none -> earlier instanceof ExpectedVersion.NoStream;
            case ExpectedVersion.Any any -> false;
            case ExpectedVersion.StreamExists exists -> false;
        };
    }

    /** The outcome of {@code repeat}, given the outcome of the append it repeats. */
    static Object outcome(PendingAppend repeat, Object repeated) {
        return switch (repeated) {
            case AppendResult written ->
                new VersionRefusal(repeat.stream(), repeat.expected(), written.streamVersion());
            case VersionRefusal refused ->
                new VersionRefusal(repeat.stream(), repeat.expected(), refused.actualVersion());
            case StreamDeletedException deleted -> new StreamDeletedException(repeat.stream());
            default -> throw new IllegalStateException("no outcome for an append of stream " + repeat.stream());
        };
    }
}
