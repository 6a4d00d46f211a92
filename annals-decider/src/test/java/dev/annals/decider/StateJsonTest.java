package dev.annals.decider;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateJsonTest {

    record Loan(String member, LocalDate due, Optional<LocalDate> returned) {}

    @Test
    void renders_a_state_with_dates_and_optionals_as_the_events_are_written() {
        var folded =
                new FoldedState<>("loan-1", new Loan("member-7", LocalDate.of(2026, 3, 1), Optional.empty()), 2, 9);

        assertThat(StateJson.render(folded))
                .isEqualTo("{\"stream\":\"loan-1\",\"version\":2,\"position\":9,"
                        + "\"state\":{\"member\":\"member-7\",\"due\":\"2026-03-01\",\"returned\":null}}");
    }
}
