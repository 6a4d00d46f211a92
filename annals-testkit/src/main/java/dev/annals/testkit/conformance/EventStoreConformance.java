package dev.annals.testkit.conformance;

import dev.annals.store.EventStore;
import net.jqwik.api.Group;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite every {@link EventStore} backend must pass. A backend's test is a subclass
 * that says how to open a fresh, empty store:
 *
 * <pre>{@code
 * class InMemoryEventStoreConformanceTest extends EventStoreConformance {
 *     @Override
 *     protected EventStore newStore() {
 *         return new InMemoryEventStore();
 *     }
 * }
 * }</pre>
 *
 * <p>The suite is split by topic. Each topic is a package-private abstract test class of this package
 * and runs here as a JUnit {@link Nested} class that asks this class for its stores: appends
 * ({@code AppendContract}), expected versions, idempotent retries, validation, reads of one stream, of
 * every event, a category or a type, reads at an instant, reads of a few thousand events, soft and hard deletion and truncation of
 * streams ({@code StreamDeletionContract}), a poisoned append beside good ones ({@code PoisonedAppendContract}), and sixteen
 * concurrent writers with a tailing reader. The jqwik property that checks random sequences of appends,
 * retries and reads against a model ({@code ModelProperties}) runs as a jqwik {@link Group} in the same
 * way, as does the one that checks every refusal of racing writers against what became durable
 * ({@code RefusalProperties}). Subclassing this one class therefore runs all of them, and a test report lists them by topic.
 *
 * <p>Every test, and every try of a property, gets a new store from {@link #newStore()} and hands it to
 * {@link #discard(EventStore)} when done. The stores are opened with default limits (1 MiB per event).
 * Since the properties are run by jqwik, which does not honour JUnit Jupiter extensions such as
 * {@code @TempDir}, {@code newStore()} must find its own place for any files (for example
 * {@code Files.createTempDirectory}), and may remove them in {@code discard}. jqwik reads its settings
 * from the backend module's {@code junit-platform.properties}; {@code jqwik.reporting.onlyfailures = true}
 * and {@code jqwik.database = target/.jqwik-database} keep its output quiet and its files out of the sources.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EventStoreConformance {

    /** The payload of the poisoned append of {@code PoisonedAppendContract}. */
    public static final String POISON = "{\"poisoned\":true}";

    /**
     * Makes {@code store}'s database refuse, inside the database, every event whose payload is exactly
     * {@link #POISON} (a trigger, say), so that the suite can check that one refused append never fails
     * another's. Returns whether it did; the default does nothing and returns false, for backends with no
     * database below their checks (in memory, the HTTP client).
     */
    protected boolean poison(EventStore store) {
        return false;
    }

    /** A new, empty store with default limits; the suite hands it to {@link #discard} when the test ends. */
    protected abstract EventStore newStore();

    /**
     * True when the backend wakes its subscribers as events are committed ({@link dev.annals.store.HeadNotifier});
     * a backend that cannot (a client that polls a server) says so by answering false, and the suite then
     * checks that it does not claim to.
     */
    protected boolean notifiesHead() {
        return true;
    }

    /**
     * Releases a store a test or a property's try is done with. Closes it; override to also delete
     * the store's files, calling {@code super.discard(store)} first.
     */
    protected void discard(EventStore store) {
        store.close();
    }

    @Nested
    class Appends extends AppendContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Expected_versions extends ExpectedVersionContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Idempotent_retries extends IdempotencyContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Stream_reads extends StreamReadContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Global_reads extends GlobalReadContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Temporal_reads extends TemporalReadContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Lazy_reads extends LazyReadContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Concurrent_writers extends ConcurrencyContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Poisoned_appends extends PoisonedAppendContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Stream_deletion extends StreamDeletionContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Nested
    class Head_notifications extends HeadNotificationContract {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Group
    class Refusals_under_contention extends RefusalProperties {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }

    @Group
    class Model_based_properties extends ModelProperties {
        @Override
        EventStoreConformance backend() {
            return EventStoreConformance.this;
        }
    }
}
