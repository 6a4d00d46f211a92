package dev.annals.cli.docs;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShellWordsTest {

    @Test
    void removes_quotes_joins_continued_lines_and_drops_the_comment() {
        assertThat(ShellWords.of("./annals append a-1 Deposited '{\"amount\":5}' \\\n  --expected-version 0   # ok"))
                .containsExactly("./annals", "append", "a-1", "Deposited", "{\"amount\":5}", "--expected-version", "0");
        assertThat(ShellWords.of("./annals read '$all' --store \"postgresql://db/x?a=1&b=2\""))
                .containsExactly("./annals", "read", "$all", "--store", "postgresql://db/x?a=1&b=2");
    }

    @Test
    void keeps_a_hash_inside_a_word_or_quotes() {
        assertThat(ShellWords.of("annals append s#1 T '{\"a\":\"#\"}'"))
                .containsExactly("annals", "append", "s#1", "T", "{\"a\":\"#\"}");
    }

    @Test
    void refuses_what_needs_a_shell_to_run() {
        assertThatThrownBy(() -> ShellWords.of("annals export > backup.ndjson.gz"))
                .hasMessageContaining("'>'");
        assertThatThrownBy(() -> ShellWords.of("annals read $STREAM")).hasMessageContaining("'$'");
        assertThatThrownBy(() -> ShellWords.of("annals read \"$STREAM\"")).hasMessageContaining("variable");
        assertThatThrownBy(() -> ShellWords.of("annals streams | head")).hasMessageContaining("'|'");
        assertThatThrownBy(() -> ShellWords.of("annals read 'open")).hasMessageContaining("unclosed quote");
    }
}
