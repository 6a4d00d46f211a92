package dev.annals.store.jdbc.append;

import dev.annals.store.ExpectedVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Which appends of a hot stream a group commit writes now and which wait for a later group (ADR 0051).
 *
 * <p>A stream is hot once a group refused an append to it for its expected version. Of the appends waiting
 * for a hot stream with an exact (or no-stream) expectation, a group takes two: the likely winner, the oldest
 * that expects the version the stream was last seen at and whose caller did not win the stream's last turn,
 * and the next in line, the oldest of the others, refused at its turn with the version then current so that its
 * retry is the next group's likely winner. The rest stay out of the group, in their order, and are offered to
 * the next one. Without the cap, all racers of a stream join each group, one wins and every other is refused
 * and woken to retry: 15 wake-ups and retries per stored event with 16 writers on a stream, most of a
 * contended round's time on two cores.
 *
 * <p>The last winner's caller waits a turn because its next append is as fresh as the retry of the append
 * refused beside it and usually queued first (a refusal takes its caller longer to handle): preferred, it
 * would win turn after turn while the others only ever came up as next in line and were refused there, for
 * seconds. Callers are told apart by thread, which is one writer per thread in a process; an HTTP server's
 * requests each have a thread of their own, so between them the order of arrival decides.
 *
 * <p>The versions seen are a guess for choosing, never for judging: every append is still judged in its
 * group's transaction against the stream as stored, and a wrong guess (another process wrote the stream)
 * only makes a group win less. Holding an append back never makes it wait for ever: each group takes the
 * oldest append of every hot stream it does not take as the likely winner. Appends that may not conflict
 * (any version, an existing stream, a deletion) and appends to streams not hot are never held back.
 *
 * <p>Used by the one thread that holds the group commit's lock; not thread-safe.
 */
final class HotStreamTurns {

    /** Beyond this many hot streams the versions seen are forgotten and streams are hot again once refused. */
    private static final int MOST_STREAMS = 10_000;

    /** For each hot stream, the last version a group's outcome showed it at. */
    private final Map<String, Long> lastSeen = new HashMap<>();
    /** For each hot stream, the caller of the last append a group wrote to it. */
    private final Map<String, Thread> lastWinner = new HashMap<>();
    /** The hot streams the last group refused a racing append to: its caller is likely to retry at once. */
    private final Set<String> retryExpected = new HashSet<>();

    /**
     * Splits {@code waiting}, oldest first, into the appends to write now and those to hold back, taking at most
     * {@code most} now. Both keep the order of {@code waiting}, except that the next in line of hot streams are
     * written after every other append of the group. Holds nothing back when no stream is hot
     * and {@code waiting} has at most {@code most} appends.
     */
    void choose(List<PendingAppend> waiting, int most, List<PendingAppend> now, List<PendingAppend> later) {
        if (lastSeen.isEmpty()) {
            inOrder(waiting, most, now, later);
            return;
        }
        var likelyWinners = new HashMap<String, PendingAppend>();
        for (PendingAppend append : waiting) {
            if (likelyWinner(append)) {
                likelyWinners.putIfAbsent(append.stream(), append);
            }
        }
        // The next in line go last, each behind its stream's likely winner: judged after it, a refusal names the
        // version the winner made, which the retry then expects.
        var nextInLine = new LinkedHashMap<String, PendingAppend>();
        for (PendingAppend append : waiting) {
            if (now.size() + nextInLine.size() >= most) {
                later.add(append);
            } else if (!racing(append) || likelyWinners.get(append.stream()) == append) {
                now.add(append);
            } else if (nextInLine.putIfAbsent(append.stream(), append) != null) {
                later.add(append);
            }
        }
        now.addAll(nextInLine.values());
    }

    /** Splits {@code waiting} in its order: the first {@code most} appends now, the rest later. */
    static void inOrder(List<PendingAppend> waiting, int most, List<PendingAppend> now, List<PendingAppend> later) {
        int taken = Math.min(most, waiting.size());
        now.addAll(waiting.subList(0, taken));
        later.addAll(waiting.subList(taken, waiting.size()));
    }

    /**
     * The hot streams whose last group refused a racing append and for which {@code waiting} holds no likely
     * winner yet: the refused caller's retry, once it comes, is one. Worth waiting a moment for before a group
     * is written, since without it the group cannot make such a stream's next version.
     */
    Set<String> retriesMissing(List<PendingAppend> waiting) {
        if (retryExpected.isEmpty()) {
            return Set.of();
        }
        var missing = new HashSet<>(retryExpected);
        for (PendingAppend append : waiting) {
            if (likelyWinner(append)) {
                missing.remove(append.stream());
            }
        }
        return missing;
    }

    /**
     * Whether {@code append} could win its hot stream's next turn: it expects the version the stream was last seen
     * at and its caller did not win the last turn.
     */
    boolean likelyWinner(PendingAppend append) {
        return racing(append)
                && append.expected().accepts(lastSeen.get(append.stream()))
                && append.caller() != lastWinner.get(append.stream());
    }

    /** Learns from a written group's outcomes the versions of the streams it refused appends to, or of hot ones. */
    void learn(List<PendingAppend> group) {
        retryExpected.clear();
        for (PendingAppend append : group) {
            var outcome = append.outcome();
            if (outcome.state() == Future.State.SUCCESS) {
                if (lastSeen.containsKey(append.stream())) {
                    lastSeen.put(append.stream(), outcome.resultNow().streamVersion());
                    lastWinner.put(append.stream(), append.caller());
                }
            } else if (outcome.state() == Future.State.FAILED
                    && outcome.exceptionNow() instanceof VersionRefusal refusal) {
                if (lastSeen.size() >= MOST_STREAMS && !lastSeen.containsKey(append.stream())) {
                    lastSeen.clear();
                    lastWinner.clear();
                    retryExpected.clear();
                }
                lastSeen.put(append.stream(), refusal.actualVersion());
                retryExpected.add(append.stream());
            }
        }
    }

    /** Whether {@code append} races for a hot stream: it expects an exact version, or no stream, of one. */
    private boolean racing(PendingAppend append) {
        var expected = append.expected();
        return (expected instanceof ExpectedVersion.Exact || expected instanceof ExpectedVersion.NoStream)
                && append.change().isEmpty()
                && lastSeen.containsKey(append.stream());
    }

    /** For tests: the version a hot stream was last seen at, or null when the stream is not hot. */
    Long lastSeen(String stream) {
        return lastSeen.get(stream);
    }
}
