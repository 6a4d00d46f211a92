package dev.annals.cli.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShellExamplesTest {

    @TempDir
    Path directory;

    private ShellExamples parse(String markdown) throws Exception {
        return ShellExamples.of(Files.writeString(directory.resolve("guide.md"), markdown));
    }

    @Test
    void joins_a_command_whose_quote_spans_lines_and_one_continued_with_a_backslash() throws Exception {
        var examples = parse("""
                ```bash
                curl -s -X POST http://h/streams/a -d '{
                  "events": []}'
                curl -s http://h/x \\
                     -H 'X: y'
                ```
                """).examples();

        assertThat(examples)
                .extracting(ShellExamples.Example::command)
                .containsExactly(
                        "curl -s -X POST http://h/streams/a -d '{\n  \"events\": []}'",
                        "curl -s http://h/x \\\n     -H 'X: y'");
    }

    @Test
    void takes_the_documented_status_from_a_result_comment_after_the_command_or_at_its_end() throws Exception {
        var examples = parse("""
                ```sh
                curl -s http://h/a
                # 409 {"error":"wrong_expected_version"}
                curl -s http://h/b   # 404 when there is none
                curl -s http://h/c   # 100 at most
                # {"stream":"c"}
                ```
                """).examples();

        assertThat(examples)
                .extracting(ShellExamples.Example::documentedStatus)
                .containsExactly(OptionalInt.of(409), OptionalInt.of(404), OptionalInt.empty());
        assertThat(examples.get(2).expectsSuccess()).isTrue();
    }

    @Test
    void finds_curl_inside_another_command_and_ignores_blocks_that_are_not_shell() throws Exception {
        var guide = parse("""
                ```java
                curl -s http://h/in-java
                ```
                ```bash
                ./annals serve
                position=$(curl -s http://h/a)
                ```
                """);

        assertThat(guide.examples()).hasSize(2);
        assertThat(guide.curls())
                .extracting(ShellExamples.Example::command)
                .containsExactly("position=$(curl -s http://h/a)");
    }
}
