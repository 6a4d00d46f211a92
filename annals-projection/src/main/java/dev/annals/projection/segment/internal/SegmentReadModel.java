package dev.annals.projection.segment.internal;

import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ReadModelStore;

/** A segment's read model, with its bookkeeping seen through {@link SegmentStates}. */
public final class SegmentReadModel<C> implements ReadModelStore<C> {

    private final ReadModelStore<C> store;
    private final SegmentStates states;

    public SegmentReadModel(ReadModelStore<C> store, String projection) {
        this.store = store;
        this.states = new SegmentStates(store.states(), projection);
    }

    @Override
    public <T> T transact(Work<C, T> work) throws Exception {
        return store.transact(work);
    }

    @Override
    public ProjectionStates states() {
        return states;
    }

    @Override
    public void close() {
        store.close();
    }
}
