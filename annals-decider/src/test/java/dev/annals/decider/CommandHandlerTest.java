package dev.annals.decider;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandHandlerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandHandler<Counter.Command, Counter.Count, Counter.Event> handler =
            new CommandHandler<>(store, new Counter(), Counter.CODEC);

    @Test
    void an_accepted_command_returns_the_new_version_and_the_global_position() {
        store.append("other-1", ExpectedVersion.any(), List.of(EventData.of("Noise", "{}")));

        var first = handler.handle("counter-1", new Counter.Increment(2));
        var second = handler.handle("counter-1", new Counter.Increment(3));

        assertThat(first).isEqualTo(accepted(first, 0, 2, List.of(new Counter.Incremented(2))));
        assertThat(second).isInstanceOfSatisfying(CommandOutcome.Accepted.class, accepted -> {
            assertThat(accepted.streamVersion()).isEqualTo(1);
            assertThat(accepted.position()).isEqualTo(3);
            assertThat(accepted.attempts()).isEqualTo(1);
        });
        assertThat(events("counter-1")).extracting(RecordedEvent::type).containsExactly("Incremented", "Incremented");
    }

    @Test
    void a_rejected_command_returns_its_reason_and_writes_nothing() {
        handler.handle("counter-1", new Counter.Increment(9));
        long head = store.headPosition();

        var outcome = handler.handle("counter-1", new Counter.Increment(5));

        assertThat(outcome).isEqualTo(new CommandOutcome.Rejected<>("counter-1", "count would pass 10", 0, 1));
        assertThat(store.headPosition()).isEqualTo(head);
    }

    @Test
    void a_decision_without_events_is_accepted_and_writes_nothing() {
        var outcome = handler.handle("counter-1", new Counter.Reset());

        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Accepted.class, accepted -> {
            assertThat(accepted.events().isEmpty()).isTrue();
            assertThat(accepted.streamVersion()).isEqualTo(-1);
        });
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void events_carry_the_commands_id_as_causation_and_its_correlation_id() {
        var message = CommandMessage.<Counter.Command>of(
                new Counter.Increment(1),
                Metadata.empty().withCorrelationId("order-77").withUser("ann"));

        handler.handle("counter-1", message);

        var metadata = events("counter-1").getFirst().metadata();
        assertThat(metadata.causationId()).contains(message.commandId().toString());
        assertThat(metadata.correlationId()).contains("order-77");
        assertThat(metadata.user()).contains("ann");
    }

    @Test
    void a_causation_id_in_the_metadata_names_the_event_a_process_manager_reacted_to() {
        var message = CommandMessage.<Counter.Command>of(
                new Counter.Increment(1),
                Metadata.empty().withCorrelationId("order-77").withCausationId("event-12"));

        handler.handle("counter-1", message);

        var metadata = events("counter-1").getFirst().metadata();
        assertThat(metadata.causationId()).contains("event-12");
        assertThat(metadata.correlationId()).contains("order-77");
    }

    @Test
    void a_command_without_a_correlation_id_starts_a_correlation_of_its_own() {
        var message = CommandMessage.<Counter.Command>of(new Counter.Increment(1));

        handler.handle("counter-1", message);

        var metadata = events("counter-1").getFirst().metadata();
        assertThat(metadata.correlationId()).contains(message.commandId().toString());
        assertThat(metadata.causationId()).contains(message.commandId().toString());
    }

    @Test
    void a_conflict_reloads_the_stream_and_decides_again() {
        var racing = new RacingStore(1, new Counter.Incremented(4));
        var outcome = handlerOver(racing, 3).handle("counter-1", new Counter.Increment(5));

        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Accepted.class, accepted -> {
            assertThat(accepted.attempts()).isEqualTo(2);
            assertThat(accepted.streamVersion()).isEqualTo(1);
        });
        assertThat(new StateLoader<>(racing, new Counter(), Counter.CODEC)
                        .current("counter-1")
                        .state())
                .isEqualTo(new Counter.Count(9));
    }

    @Test
    void the_retried_decision_sees_the_rivals_event_and_may_reject() {
        var racing = new RacingStore(1, new Counter.Incremented(8));

        var outcome = handlerOver(racing, 3).handle("counter-1", new Counter.Increment(5));

        assertThat(outcome).isEqualTo(new CommandOutcome.Rejected<>("counter-1", "count would pass 10", 0, 1));
        assertThat(racing.headPosition()).isEqualTo(1);
    }

    @Test
    void gives_up_after_the_configured_number_of_attempts_having_written_nothing() {
        var racing = new RacingStore(Integer.MAX_VALUE, new Counter.WasReset());

        assertThatThrownBy(() -> handlerOver(racing, 3).handle("counter-1", new Counter.Increment(1)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.stream()).isEqualTo("counter-1");
                    assertThat(e.attempts()).isEqualTo(3);
                })
                .hasCauseInstanceOf(WrongExpectedVersionException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(events(racing.delegate, "counter-1"))
                .extracting(RecordedEvent::type)
                .containsOnly("WasReset")
                .hasSize(3);
    }

    @Test
    void a_retry_policy_needs_at_least_one_attempt() {
        assertThatThrownBy(() -> new RetryPolicy(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a command needs at least 1 attempt, was 0");
    }

    private static CommandHandler<Counter.Command, Counter.Count, Counter.Event> handlerOver(
            EventStore store, int attempts) {
        return new CommandHandler<>(store, new Counter(), Counter.CODEC, new RetryPolicy(attempts));
    }

    private static CommandOutcome<Counter.Event> accepted(
            CommandOutcome<Counter.Event> actual, long version, long position, List<Counter.Event> events) {
        var ids = ((CommandOutcome.Accepted<Counter.Event>) actual).eventIds();
        return new CommandOutcome.Accepted<>("counter-1", version, position, events, ids, 1);
    }

    private List<RecordedEvent> events(String stream) {
        return events(store, stream);
    }

    private static List<RecordedEvent> events(InMemoryEventStore from, String stream) {
        try (var events = from.readStream(stream)) {
            return events.toList();
        }
    }
}
