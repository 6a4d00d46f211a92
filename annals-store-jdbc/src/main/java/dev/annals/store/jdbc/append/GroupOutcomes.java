package dev.annals.store.jdbc.append;

import dev.annals.store.AppendResult;
import java.util.List;

/**
 * Hands a committed group's outcomes to its callers: the refused ones first, then the acknowledged ones.
 *
 * <p>The order is for writers racing on one stream. Callers wake in the order they are completed and
 * queue their next append in about that order, and the first append of a stream in the next group is the
 * one that can win. Completed in the group's order, the writers that happened to be early stayed early and
 * kept winning, while others lost for a second and more (64 writers on 4 streams). With the refused
 * first, in their order, the winner of each stream queues behind the writers it beat and each of them moves
 * one place up: the wins go round.
 */
public final class GroupOutcomes {

    private GroupOutcomes() {}

    /**
     * Completes each append of {@code batch} with its outcome, refusals first.
     *
     * @param outcomes for each append, in order, its {@link AppendResult} or the {@link RuntimeException}
     *     refusing it
     * @return how many events the acknowledged appends wrote
     */
    public static int complete(List<PendingAppend> batch, Object[] outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof RuntimeException refusal) {
                batch.get(i).refuse(refusal);
            }
        }
        int events = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof AppendResult result) {
                batch.get(i).acknowledge(result);
                events += batch.get(i).events().size();
            }
        }
        return events;
    }
}
