package dev.annals.store;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadSourceTest {

    @Test
    void parses_the_virtual_streams_and_plain_stream_names() {
        assertThat(ReadSource.parse("$all")).isEqualTo(new ReadSource.All());
        assertThat(ReadSource.parse("$ce-account")).isEqualTo(new ReadSource.Category("account"));
        assertThat(ReadSource.parse("$et-Deposited")).isEqualTo(new ReadSource.EventType("Deposited"));
        assertThat(ReadSource.parse("account-1")).isEqualTo(new ReadSource.StreamOf("account-1"));
    }

    @Test
    void an_unknown_system_stream_is_an_invalid_name() {
        assertThatThrownBy(() -> ReadSource.parse("$ce-")).isInstanceOf(InvalidStreamNameException.class);
        assertThatThrownBy(() -> ReadSource.parse("$nope")).isInstanceOf(InvalidStreamNameException.class);
    }

    @Test
    void only_a_stream_is_read_by_version() {
        assertThat(new ReadSource.StreamOf("a").byVersion()).isTrue();
        assertThat(new ReadSource.All().byVersion()).isFalse();
    }

    @Test
    void a_read_request_refuses_a_negative_start_or_a_zero_limit() {
        var all = ReadRequest.forward(new ReadSource.All());
        assertThatThrownBy(() -> all.from(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> all.limit(0)).hasMessageContaining("limit");
    }
}
