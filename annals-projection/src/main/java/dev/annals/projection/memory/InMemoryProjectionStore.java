package dev.annals.projection.memory;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ProjectionTransaction;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.UnknownDeadLetterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Projection bookkeeping in memory, for tests and for read models that are not in a SQL database.
 *
 * <p>Handlers receive the {@link RecordedEvent} as their context. Nothing here can commit a read model's
 * change together with its checkpoint: a handler's effect stays even when a later step of its unit of
 * work fails, and after a crash events after the last stored checkpoint come again. This store's own
 * bookkeeping (checkpoints, dead letters, controls) is rolled back when a unit of work fails, so that a
 * failed redelivery leaves its letter as it found it. <b>Handlers of such
 * read models must therefore be idempotent by event id</b> (remember the ids applied, or write with
 * upserts keyed by them). Versions of a read model (for blue/green rebuilds) are the handlers' concern:
 * the context does not say which version is being built. One instance may serve many runners; every
 * call is serialised.
 */
public final class InMemoryProjectionStore implements ReadModelStore<RecordedEvent>, ProjectionStates {

    private final Map<String, Long> checkpoints = new HashMap<>();
    private final Map<String, ProjectionControl> controls = new HashMap<>();
    private final Map<String, ProjectionHealth> reports = new LinkedHashMap<>();
    private final TreeMap<Long, DeadLetter> letters = new TreeMap<>();
    private long nextLetterId = 1;

    @Override
    public synchronized <T> T transact(Work<RecordedEvent, T> work) throws Exception {
        var tx = new Transaction();
        try {
            return work.run(tx);
        } catch (Exception | Error e) {
            tx.rollBack();
            throw e;
        }
    }

    @Override
    public ProjectionStates states() {
        return this;
    }

    @Override
    public synchronized long checkpoint(String projection) {
        return checkpoints.getOrDefault(requireNonNull(projection, "projection"), 0L);
    }

    @Override
    public synchronized ProjectionControl control(String projection) {
        return controls.getOrDefault(requireNonNull(projection, "projection"), ProjectionControl.INITIAL);
    }

    @Override
    public synchronized void pause(String projection) {
        var current = control(projection);
        controls.put(projection, new ProjectionControl(true, current.rebuild(), current.liveVersion()));
    }

    @Override
    public synchronized void resume(String projection) {
        var current = control(projection);
        controls.put(projection, new ProjectionControl(false, current.rebuild(), current.liveVersion()));
    }

    @Override
    public synchronized void requestRebuild(String projection, RebuildMode mode) {
        var current = control(projection);
        controls.put(
                projection,
                new ProjectionControl(current.paused(), requireNonNull(mode, "mode"), current.liveVersion()));
    }

    @Override
    public synchronized void report(ProjectionHealth health) {
        reports.put(health.projection(), health);
    }

    @Override
    public synchronized List<ProjectionHealth> health() {
        return reports.values().stream()
                .sorted(Comparator.comparing(ProjectionHealth::projection))
                .toList();
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(Optional<String> projection) {
        return letters.values().stream()
                .filter(letter -> letter.status().open())
                .filter(letter -> projection.map(letter.projection()::equals).orElse(true))
                .toList();
    }

    @Override
    public synchronized Optional<DeadLetter> deadLetter(long id) {
        return Optional.ofNullable(letters.get(id));
    }

    @Override
    public synchronized void requestRetry(long id) {
        letters.put(id, open(id).withStatus(DeadLetterStatus.RETRY_REQUESTED));
    }

    @Override
    public synchronized void skip(long id) {
        var letter = open(id);
        letters.put(id, letter.withStatus(DeadLetterStatus.SKIPPED));
        if (checkpoint(letter.projection()) == letter.position() - 1) {
            checkpoints.put(letter.projection(), letter.position());
        }
    }

    private DeadLetter open(long id) {
        var letter = letters.get(id);
        if (letter == null || !letter.status().open()) {
            throw new UnknownDeadLetterException(id);
        }
        return letter;
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    /**
     * Applies each call at once and remembers, for each entry it changes first, what the entry held, so that
     * {@link #rollBack} can put it back.
     */
    private final class Transaction implements ProjectionTransaction<RecordedEvent> {

        private final Map<String, Optional<Long>> checkpointsBefore = new HashMap<>();
        private final Map<Long, Optional<DeadLetter>> lettersBefore = new HashMap<>();
        private final Map<String, Optional<ProjectionControl>> controlsBefore = new HashMap<>();
        private final long nextLetterIdBefore = nextLetterId;

        void rollBack() {
            checkpointsBefore.forEach((key, before) -> restore(checkpoints, key, before));
            lettersBefore.forEach((id, before) -> restore(letters, id, before));
            controlsBefore.forEach((projection, before) -> restore(controls, projection, before));
            nextLetterId = nextLetterIdBefore;
        }

        private static <K, V> void restore(Map<K, V> map, K key, Optional<V> before) {
            before.ifPresentOrElse(value -> map.put(key, value), () -> map.remove(key));
        }

        @Override
        public RecordedEvent context(RecordedEvent event, int version) {
            return event;
        }

        @Override
        public long checkpoint(String key) {
            return InMemoryProjectionStore.this.checkpoint(key);
        }

        @Override
        public void saveCheckpoint(String key, long position) {
            checkpointsBefore.putIfAbsent(key, Optional.ofNullable(checkpoints.get(key)));
            checkpoints.put(key, position);
        }

        @Override
        public void deleteCheckpoint(String key) {
            checkpointsBefore.putIfAbsent(key, Optional.ofNullable(checkpoints.get(key)));
            checkpoints.remove(key);
        }

        @Override
        public long park(DeadLetter letter) {
            long id = nextLetterId++;
            lettersBefore.putIfAbsent(id, Optional.empty());
            letters.put(
                    id,
                    new DeadLetter(
                            id,
                            letter.projection(),
                            letter.position(),
                            letter.eventId(),
                            letter.eventType(),
                            letter.error(),
                            letter.attempts(),
                            letter.firstFailure(),
                            letter.lastFailure(),
                            letter.status()));
            return id;
        }

        @Override
        public void updateDeadLetter(DeadLetter letter) {
            lettersBefore.putIfAbsent(letter.id(), Optional.ofNullable(letters.get(letter.id())));
            letters.put(letter.id(), letter);
        }

        @Override
        public List<DeadLetter> retryRequests(String projection) {
            return new ArrayList<>(letters.values().stream()
                    .filter(letter -> letter.projection().equals(projection))
                    .filter(letter -> letter.status() == DeadLetterStatus.RETRY_REQUESTED)
                    .toList());
        }

        @Override
        public void prepareVersion(String projection, int version) {
            // The read model's versions are its handlers' concern.
        }

        @Override
        public void ensureVersion(String projection, int version) {
            // As above.
        }

        @Override
        public void promote(String projection, int version, int oldVersion) {
            var current = control(projection);
            controlsBefore.putIfAbsent(projection, Optional.ofNullable(controls.get(projection)));
            controls.put(projection, new ProjectionControl(current.paused(), RebuildMode.NONE, version));
        }
    }
}
