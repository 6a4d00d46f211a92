package dev.annals.projection.segment.internal;

import dev.annals.projection.DeadLetter;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import java.util.List;
import java.util.Optional;

/**
 * The bookkeeping as one segment's runner sees it: its own checkpoint, health and dead letters, but the
 * whole projection's pause and live version, so that pausing the projection pauses every segment in every
 * worker. Rebuild requests are not passed on: segmented projections do not rebuild (yet), and one segment
 * dropping the shared tables would wipe the others' work.
 */
public final class SegmentStates implements ProjectionStates {

    private final ProjectionStates states;
    private final String projection;

    public SegmentStates(ProjectionStates states, String projection) {
        this.states = states;
        this.projection = projection;
    }

    @Override
    public ProjectionControl control(String segment) {
        var whole = states.control(projection);
        return new ProjectionControl(whole.paused(), RebuildMode.NONE, whole.liveVersion());
    }

    @Override
    public long checkpoint(String name) {
        return states.checkpoint(name);
    }

    @Override
    public void pause(String name) {
        states.pause(projection);
    }

    @Override
    public void resume(String name) {
        states.resume(projection);
    }

    @Override
    public void requestRebuild(String name, RebuildMode mode) {
        throw new UnsupportedOperationException(
                "segmented projection " + projection + " cannot be rebuilt by a" + " worker; see docs/operations.md");
    }

    @Override
    public void report(ProjectionHealth health) {
        states.report(health);
    }

    @Override
    public List<ProjectionHealth> health() {
        return states.health();
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<String> name) {
        return states.deadLetters(name);
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return states.deadLetter(id);
    }

    @Override
    public void requestRetry(long id) {
        states.requestRetry(id);
    }

    @Override
    public void skip(long id) {
        states.skip(id);
    }
}
