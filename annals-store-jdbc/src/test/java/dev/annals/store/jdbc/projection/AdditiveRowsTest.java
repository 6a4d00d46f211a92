package dev.annals.store.jdbc.projection;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdditiveRowsTest {

    private final AdditiveRows rows = new AdditiveRows();

    private boolean add(Object... parameters) {
        return rows.add(parameters, AdditiveRows.shapeOf(parameters));
    }

    @Test
    void rows_without_addends_have_no_shape() {
        assertThat(AdditiveRows.shapeOf(new Object[] {"a", 1L})).isNull();
        assertThat(AdditiveRows.shapeOf(new Object[] {"a", Addend.of(1)})).containsExactly(false, true);
    }

    @Test
    void rows_with_equal_other_parameters_merge_and_others_stay_apart() {
        assertThat(add("a", Addend.of(1), Addend.of(1))).isTrue();
        assertThat(add("b", Addend.of(5), Addend.of(1))).isTrue();
        assertThat(add("a", Addend.of(2), Addend.of(1))).isTrue();
        assertThat(add(null, Addend.of(3), Addend.of(1))).isTrue();
        assertThat(add(null, Addend.of(4), Addend.of(1))).isTrue();

        assertThat(rows.size()).isEqualTo(3);
    }

    @Test
    void a_row_with_its_addends_elsewhere_does_not_join() {
        assertThat(add("a", Addend.of(1))).isTrue();

        assertThat(add(Addend.of(1), "a")).isFalse();
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void a_sum_that_would_overflow_is_refused_and_leaves_the_row_as_it_was() {
        assertThat(add("a", Addend.of(Long.MAX_VALUE), Addend.of(1))).isTrue();

        assertThat(add("a", Addend.of(0), Addend.of(1))).isTrue();
        assertThat(add("a", Addend.of(1), Addend.of(1))).isFalse();
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void clearing_forgets_the_rows_and_their_shape() {
        add("a", Addend.of(1));
        rows.clear();

        assertThat(add(Addend.of(1), "a")).isTrue();
        assertThat(rows.size()).isEqualTo(1);
    }
}
