package dev.annals.projection.segment;

import dev.annals.projection.ReadModelStore;

/**
 * Opens the read model one claimed segment writes through.
 *
 * @param <C> the handlers' context type
 */
@FunctionalInterface
public interface SegmentedReadModels<C> {

    /**
     * A read model whose every unit of work first checks, inside the unit, that {@code lease} is still held
     * with its epoch and throws {@link LeaseLostException} otherwise, so that nothing of a worker that lost
     * its lease commits. The worker closes it when it stops running the segment.
     */
    ReadModelStore<C> open(SegmentLease lease);
}
