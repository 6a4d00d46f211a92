package dev.annals.store;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpectedVersionTest {

    private static final long NO_STREAM = StreamInfo.NO_STREAM;

    @Test
    void any_accepts_every_version() {
        assertThat(ExpectedVersion.any().accepts(NO_STREAM)).isTrue();
        assertThat(ExpectedVersion.any().accepts(7)).isTrue();
    }

    @Test
    void no_stream_accepts_only_a_missing_stream() {
        assertThat(ExpectedVersion.noStream().accepts(NO_STREAM)).isTrue();
        assertThat(ExpectedVersion.noStream().accepts(0)).isFalse();
    }

    @Test
    void stream_exists_accepts_any_existing_stream() {
        assertThat(ExpectedVersion.streamExists().accepts(NO_STREAM)).isFalse();
        assertThat(ExpectedVersion.streamExists().accepts(0)).isTrue();
    }

    @Test
    void exact_accepts_only_its_version_and_minus_one_means_no_stream() {
        assertThat(ExpectedVersion.exact(3).accepts(3)).isTrue();
        assertThat(ExpectedVersion.exact(3).accepts(4)).isFalse();
        assertThat(ExpectedVersion.exact(-1)).isEqualTo(ExpectedVersion.noStream());
    }

    @Test
    void an_exact_version_below_minus_one_is_refused() {
        assertThatThrownBy(() -> ExpectedVersion.exact(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void the_wrong_expected_version_error_states_stream_expected_and_actual() {
        var error = new WrongExpectedVersionException("account-1", ExpectedVersion.exact(5), 0);
        assertThat(error).hasMessage("wrong expected version for stream 'account-1': expected 5, actual 0");
        assertThat(error.actualVersion()).isZero();
        var missing = new WrongExpectedVersionException("account-1", ExpectedVersion.streamExists(), NO_STREAM);
        assertThat(missing).hasMessageEndingWith("expected stream exists, actual no stream");
    }
}
