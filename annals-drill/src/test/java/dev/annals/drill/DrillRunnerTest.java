package dev.annals.drill;

import dev.annals.backend.Backend;
import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.drills.KillProjection;
import dev.annals.store.EventStore;
import dev.annals.store.ForwardingEventStore;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DrillRunnerTest {

    /**
     * An Annals server over HTTP has no SQL read models, and `annals drill all` on one failed kill-projection and
     * exited 1 as if an invariant had broken. A store without what a drill faults now skips it, with the reason.
     */
    @Test
    void a_store_without_what_the_drill_faults_skips_the_drill_with_the_reason_and_leaves_nothing_running() {
        var backend = new EventsOnly();
        var settings = DrillSettings.of("memory:drill", Backends.of(backend), 2).quickly();
        var progress = new ArrayList<String>();

        var report = DrillRunner.run(new KillProjection(), settings, progress::add);

        assertThat(report.outcome()).isEqualTo("skipped");
        assertThat(report.reason()).isEqualTo("the in-memory store has no SQL read models");
        assertThat(report.faults()).isZero();
        assertThat(report.violationCount()).isZero();
        assertThat(progress).containsExactly("kill-projection: skipped: the in-memory store has no SQL read models");
        // What the drill opened before it found out (its reading deployment and live subscriber) is closed again.
        assertThat(backend.opened()).isPositive();
        assertThat(backend.open()).isZero();
    }

    /** A backend whose deployments offer events and nothing beside them, on one store that outlives them. */
    private static final class EventsOnly implements Backend {

        private final EventStore store = new InMemoryEventStore();
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger open = new AtomicInteger();

        int opened() {
            return opened.get();
        }

        int open() {
            return open.get();
        }

        @Override
        public String name() {
            return "in-memory";
        }

        @Override
        public String locationForms() {
            return "memory:NAME";
        }

        @Override
        public boolean accepts(String location) {
            return location.startsWith("memory:");
        }

        @Override
        public Deployment open(String location, OpenOptions options) {
            opened.incrementAndGet();
            open.incrementAndGet();
            EventStore shared = new ForwardingEventStore(store) {
                @Override
                public void close() {
                    open.decrementAndGet();
                }
            };
            return Deployment.builder("the in-memory store", shared).build();
        }
    }
}
