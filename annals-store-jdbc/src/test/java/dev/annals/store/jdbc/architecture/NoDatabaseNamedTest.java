package dev.annals.store.jdbc.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared JDBC code names no database in its code: what differs is the dialect's (docs/adr/0028). Comments
 * may say why a piece of SQL is the portable kind; code, string literals and imports may not name an engine.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoDatabaseNamedTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern ENGINE_SPECIFIC =
            Pattern.compile("(?i)sqlite|postgres|\\bpg_|pragma|begin immediate|\\bSQLITE_|advisory");

    @Test
    void no_source_of_the_shared_jdbc_code_names_sqlite_or_postgresql_outside_its_comments() throws IOException {
        List<String> offending;
        try (var files = Files.walk(SOURCES)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> ENGINE_SPECIFIC
                            .matcher(code(file))
                            .results()
                            .map(match -> SOURCES.relativize(file) + ": " + match.group()))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static String code(Path file) {
        try {
            return COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
