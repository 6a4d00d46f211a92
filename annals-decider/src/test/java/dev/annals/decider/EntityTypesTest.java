package dev.annals.decider;

import dev.annals.store.memory.InMemoryEventStore;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntityTypesTest {

    private final EntityType<Counter.Command, Counter.Count, Counter.Event> counters =
            new EntityType<>("counter", new Counter(), Counter.CODEC);
    private final EntityTypes types = EntityTypes.of(counters);
    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void finds_the_entity_type_of_a_stream_by_its_category() {
        assertThat(types.forStream("counter-42")).isSameAs(counters);
        assertThat(counters.stream("42")).isEqualTo("counter-42");
    }

    @Test
    void a_stream_of_an_unregistered_category_is_an_error_naming_the_known_ones() {
        assertThatThrownBy(() -> types.forStream("account-1"))
                .isInstanceOf(UnknownEntityTypeException.class)
                .hasMessage(
                        "no entity type is registered for stream 'account-1' (category 'account'); known: [counter]");
    }

    @Test
    void folds_a_stream_by_name_and_renders_it_as_json_with_its_version_and_position() {
        counters.handler(store).handle("counter-1", new Counter.Increment(3));
        counters.handler(store).handle("counter-1", new Counter.Increment(4));

        assertThat(StateJson.render(types.stateAtVersion(store, "counter-1", 0)))
                .isEqualTo("{\"stream\":\"counter-1\",\"version\":0,\"position\":1,\"state\":{\"value\":3}}");
        assertThat(StateJson.render(types.stateAt(store, "counter-1", Instant.now())))
                .isEqualTo("{\"stream\":\"counter-1\",\"version\":1,\"position\":2,\"state\":{\"value\":7}}");
        assertThat(types.current(store, "counter-1").state()).isEqualTo(new Counter.Count(7));
    }

    @Test
    void refuses_a_category_registered_twice() {
        assertThatThrownBy(() -> EntityTypes.of(counters, counters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category 'counter' is registered twice");
    }
}
