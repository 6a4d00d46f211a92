package dev.annals.store.jdbc.transfer;

import dev.annals.store.internal.StreamMarks.State;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a store holds beside its events that a copy must carry, or the copy would undo deletions and
 * erasures: the marks of its deleted and truncated streams, and its subjects' data keys with the record of
 * the forgotten ones.
 *
 * @param marks       the streams with a mark, in key order
 * @param subjectKeys every row of {@code subject_keys}, in subject order
 */
public record ErasureState(List<StreamMark> marks, List<StoredSubjectKey> subjectKeys) {

    /** Nothing deleted, truncated or keyed: what an export of an older Annals carries. */
    public static final ErasureState NONE = new ErasureState(List.of(), List.of());

    public ErasureState {
        marks = List.copyOf(requireNonNull(marks, "marks"));
        subjectKeys = List.copyOf(requireNonNull(subjectKeys, "subjectKeys"));
    }

    /** True when nothing is deleted, truncated, keyed or forgotten. */
    public boolean isEmpty() {
        return marks.isEmpty() && subjectKeys.isEmpty();
    }

    /** This state without the data keys: the forgotten subjects only, for a copy meant to hold no personal data. */
    public ErasureState withoutKeys() {
        return new ErasureState(
                marks, subjectKeys.stream().filter(StoredSubjectKey::forgotten).toList());
    }

    /** For people: how many streams are soft-deleted, tombstoned and truncated, and how many subjects keyed and forgotten. */
    public String summary() {
        long deleted = count(State.DELETED);
        long tombstoned = count(State.TOMBSTONED);
        long truncated = count(State.LIVE);
        long forgotten =
                subjectKeys.stream().filter(StoredSubjectKey::forgotten).count();
        long wrapped = subjectKeys.stream().filter(StoredSubjectKey::wrapped).count();
        return deleted + " soft-deleted, " + tombstoned + " tombstoned and " + truncated + " truncated stream(s); "
                + (subjectKeys.size() - forgotten) + " subject key(s) (" + wrapped + " wrapped) and " + forgotten
                + " forgotten subject(s)";
    }

    private long count(State state) {
        return marks.stream().filter(mark -> mark.state() == state).count();
    }
}
