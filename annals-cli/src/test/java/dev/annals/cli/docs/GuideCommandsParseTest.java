package dev.annals.cli.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GuideCommandsParseTest {

    @TempDir
    Path directory;

    private GuideCommands parse(String markdown) throws Exception {
        return GuideCommands.of(Files.writeString(directory.resolve("guide.md"), markdown));
    }

    @Test
    void takes_shell_blocks_and_the_annals_lines_of_plain_and_indented_blocks_in_the_guide_order() throws Exception {
        var commands = parse("""
                Text.

                    annals verify
                    verify: intact

                ```sh
                ./annals streams
                keytool -list
                ```

                ```java
                annals inJava();
                ```

                ```
                annals projections   # the list
                projections: none
                ```
                """).commands();

        assertThat(commands)
                .extracting(GuideCommands.Command::text)
                .containsExactly(
                        "annals verify", "./annals streams", "keytool -list", "annals projections   # the list");
        assertThat(commands).extracting(GuideCommands.Command::inShell).containsExactly(false, true, true, false);
        assertThat(commands.get(1).isAnnals()).isTrue();
        assertThat(commands.get(2).isAnnals()).isFalse();
    }

    @Test
    void a_synopsis_is_a_plain_block_line_with_optional_parts_or_capital_placeholders() throws Exception {
        var commands = parse("""
                ```
                annals dlq retry ID
                annals replay balances [--from POSITION]
                annals projections pause balances
                ```
                ```sh
                ./annals dlq retry ID
                ```
                """).commands();

        assertThat(commands).extracting(GuideCommands.Command::isSynopsis).containsExactly(true, true, false, false);
    }

    @Test
    void the_documented_exit_code_is_the_one_a_comment_starts_with_and_zero_without_one() throws Exception {
        var commands = parse("""
                ```sh
                ./annals append a-1 T '{}' --expected-version 0    # exit 1, refused: it is at 1 now
                ./annals append a-1 T '{}'    # succeeds: exit codes are in the guide
                ```
                """).commands();

        assertThat(commands).extracting(GuideCommands.Command::documentedExit).containsExactly(1, 0);
        assertThat(commands.getFirst().key()).isEqualTo("./annals append a-1 T '{}' --expected-version 0");
    }
}
