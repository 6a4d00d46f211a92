package dev.annals.server.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what an answer must never show a client: a stack frame, a Java class or package, SQL, a parser's
 * internals or a file path. What the request itself contained may come back (an error quotes the bad
 * value), so a match that the request already held is an echo, not a leak.
 */
public final class InternalNames {

    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)"),
            Pattern.compile("\\b(java|javax|jdk|sun|org|com|io|net|dev)\\.[a-z]\\w*\\.[\\w.$]+"),
            Pattern.compile("\\b\\w+(Exception|Error)\\b"),
            Pattern.compile("\\b(SELECT|INSERT INTO|UPDATE \\w+ SET|DELETE FROM|CREATE TABLE|WHERE)\\b"),
            Pattern.compile("(?i)\\b(sqlite|sqlstate|postgres|jdbc|hikari|jetty|javalin|jackson|servlet)"),
            Pattern.compile("\\[Source: |reference chain|REDACTED"),
            Pattern.compile("(/tmp/|/home/|/work/|/var/|\\.java\\b|\\.jar\\b|\\.class\\b)"));

    private final String dataDirectory;

    /** @param dataDirectory the server's data directory, which no answer may name */
    public InternalNames(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The first internal name in {@code answer} that {@code request} did not itself contain. */
    public Optional<String> leakedBy(String answer, FuzzRequest request) {
        if (answer.contains(dataDirectory)) {
            return Optional.of(dataDirectory);
        }
        String echoable = request.echoable();
        for (Pattern leak : LEAKS) {
            var matcher = leak.matcher(answer);
            while (matcher.find()) {
                if (!echoable.contains(matcher.group())) {
                    return Optional.of(matcher.group());
                }
            }
        }
        return Optional.empty();
    }
}
