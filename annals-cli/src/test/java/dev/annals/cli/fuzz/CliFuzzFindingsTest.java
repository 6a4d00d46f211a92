package dev.annals.cli.fuzz;

import dev.annals.cli.Cli;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line's fuzzer ({@code CliInputFuzzProperties}) found, one test per class of input. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliFuzzFindingsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "append|fuzz-1|Counted|{}|--expected-version|\u0661",
                "append|fuzz-1|Counted|{}|--expected-version|\uff11",
                "read|fuzz-1|--limit|\u0661|x|x",
                "truncate|fuzz-1|--before|\u0967|x|x",
                "read|$all|--from|\uff11|x|x"
            })
    void digits_of_other_scripts_are_a_usage_error_not_a_number(
            String command, String stream, String a, String b, String c, String d) {
        // Found as "--expected-version ١": picocli and Long.parseLong read it as 1, and the append ran.
        var store = new InMemoryEventStore();
        store.append("fuzz-1", ExpectedVersion.any(), dev.annals.event.EventData.of("Counted", "{}"));
        var words = java.util.stream.Stream.of(command, stream, a, b, c, d)
                .filter(word -> !word.equals("x"))
                .toArray(String[]::new);

        var run = Cli.on(store, data).run(words);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(" is not a").hasLineCount(1);
        assertThat(store.headPosition()).isEqualTo(1);
    }
}
