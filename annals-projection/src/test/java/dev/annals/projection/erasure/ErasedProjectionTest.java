package dev.annals.projection.erasure;

import dev.annals.erasure.InMemorySubjectKeyStore;
import dev.annals.erasure.PersonalData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.serialization.EventCodec;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasedProjectionTest {

    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final EventCodec<CustomerEvent> codec = new EventCodec<>(CustomerEvent.REGISTRY, keys);
    private final InMemoryEventStore store = new InMemoryEventStore();

    /** A read model of names and balances by customer, built from scratch into {@code names} and {@code balances}. */
    private long rebuild(Map<String, String> names, Map<String, Long> balances) {
        var projection = Projection.<RecordedEvent>builder("customers")
                .source(new ReadSource.Category("customer"))
                .events(codec)
                .on(CustomerEvent.Registered.class, (event, recorded) -> names.put(event.customerId(), event.name()))
                .on(
                        CustomerEvent.Deposited.class,
                        (event, recorded) -> balances.merge(event.customerId(), event.amount(), Long::sum))
                .build();
        long head = store.headPosition();
        try (var runner = ProjectionRunner.start(
                projection,
                store,
                new InMemoryProjectionStore(),
                ProjectionOptions.defaults().withOnFailure(FailurePolicy.STOP))) {
            runner.awaitPosition(head, Duration.ofSeconds(10));
        }
        return head;
    }

    @Test
    void a_projection_rebuilt_after_forgetting_a_subject_sees_its_data_as_erased_and_everything_else() {
        store.append(
                "customer-1",
                ExpectedVersion.noStream(),
                codec.encode(new CustomerEvent.Registered("c-1", "Ann", "ann@example.com", 30), Metadata.empty()),
                codec.encode(new CustomerEvent.Deposited("c-1", 70), Metadata.empty()));
        store.append(
                "customer-2",
                ExpectedVersion.noStream(),
                codec.encode(new CustomerEvent.Registered("c-2", "Bob", null, null), Metadata.empty()));
        var before = new ConcurrentHashMap<String, String>();
        rebuild(before, new ConcurrentHashMap<>());
        assertThat(before).containsEntry("c-1", "Ann");

        keys.forget("c-1");
        var names = new ConcurrentHashMap<String, String>();
        var balances = new ConcurrentHashMap<String, Long>();
        rebuild(names, balances);

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of("c-1", PersonalData.ERASED, "c-2", "Bob"));
        assertThat(balances).containsExactlyEntriesOf(Map.of("c-1", 70L));
    }
}
