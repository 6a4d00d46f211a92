package dev.annals.testkit.erasure;

import dev.annals.erasure.ForgetOutcome;
import dev.annals.erasure.SubjectForgottenException;
import dev.annals.erasure.SubjectKeyStore;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SubjectKeyStore} must do; a backend's test is a subclass that opens a fresh, empty one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SubjectKeyStoreContract {

    /** The store under test, new and empty for every test. */
    protected SubjectKeyStore keys;

    /** A new, empty key store. */
    protected abstract SubjectKeyStore newKeyStore();

    @BeforeEach
    final void open() {
        keys = newKeyStore();
    }

    @Test
    void makes_one_256_bit_key_per_subject_and_gives_it_again() {
        var first = keys.keyFor("c-1");

        assertThat(first.getEncoded()).hasSize(32);
        assertThat(keys.keyFor("c-1").getEncoded()).isEqualTo(first.getEncoded());
        assertThat(keys.find("c-1"))
                .hasValueSatisfying(k -> assertThat(k.getEncoded()).isEqualTo(first.getEncoded()));
        assertThat(keys.keyFor("c-2").getEncoded()).isNotEqualTo(first.getEncoded());
        assertThat(keys.find("c-3")).isEmpty();
    }

    @Test
    void forgets_a_subject_for_good() {
        keys.keyFor("c-1");

        assertThat(keys.forget("c-1")).isEqualTo(ForgetOutcome.KEY_DELETED);

        assertThat(keys.find("c-1")).isEmpty();
        assertThatThrownBy(() -> keys.keyFor("c-1"))
                .isInstanceOf(SubjectForgottenException.class)
                .hasMessageContaining("c-1");
        assertThat(keys.forget("c-1")).isEqualTo(ForgetOutcome.ALREADY_FORGOTTEN);
    }

    @Test
    void forgets_a_subject_that_never_had_a_key_so_that_none_is_made() {
        assertThat(keys.forget("c-9")).isEqualTo(ForgetOutcome.NO_KEY);

        assertThatThrownBy(() -> keys.keyFor("c-9")).isInstanceOf(SubjectForgottenException.class);
    }

    @Test
    void gives_racing_callers_the_same_key() throws Exception {
        try (var pool = Executors.newFixedThreadPool(4)) {
            var calls = new ArrayList<Callable<byte[]>>();
            IntStream.range(0, 8)
                    .forEach(i -> calls.add(() -> keys.keyFor("racer").getEncoded()));
            var keysSeen = pool.invokeAll(calls).stream()
                    .map(future -> {
                        try {
                            return java.util.HexFormat.of().formatHex(future.get());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .distinct()
                    .toList();
            assertThat(keysSeen).hasSize(1);
        }
    }
}
