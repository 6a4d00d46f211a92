package dev.annals.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shell commands of a markdown guide's fenced {@code bash}/{@code sh} blocks, as a reader copies them:
 * a command spans lines while a quote is open or a line ends with {@code \}. A comment that starts with a
 * status ({@code # 409 {"error":...}}), at the end of the command or on the line after it, is the status the
 * guide says the command answers; without one the guide shows a success.
 */
public record ShellExamples(Path file, List<Example> examples) {

    private static final Set<String> SHELLS = Set.of("bash", "sh", "shell", "console");
    private static final Pattern CURL = Pattern.compile("(^|[\\s;|&($`])curl\\s");
    private static final Pattern STATUS = Pattern.compile("#\\s*([2-5]\\d\\d)\\b");

    /** One command, the line of the guide it starts on, and the status the guide documents for it, if any. */
    public record Example(int line, String command, OptionalInt documentedStatus) {

        /** True when the command runs curl anywhere, not only as its first word. */
        public boolean isCurl() {
            return CURL.matcher(command).find();
        }

        boolean expectsSuccess() {
            return documentedStatus.isEmpty() || documentedStatus.getAsInt() / 100 == 2;
        }

        @Override
        public String toString() {
            return "line " + line + ": " + command;
        }
    }

    public static ShellExamples of(Path file) throws IOException {
        var examples = new ArrayList<Example>();
        List<String> lines = Files.readAllLines(file);
        boolean inShell = false;
        boolean inFence = false;
        StringBuilder command = null;
        int commandLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (inFence) {
                    inFence = false;
                    inShell = false;
                } else {
                    inFence = true;
                    inShell = SHELLS.contains(line.substring(3).strip());
                }
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (command == null) {
                String stripped = line.strip();
                if (stripped.startsWith("#")) {
                    documentStatus(examples, stripped);
                    continue;
                }
                if (stripped.isEmpty()) {
                    continue;
                }
                command = new StringBuilder(stripped);
                commandLine = i + 1;
            } else {
                command.append('\n').append(line);
            }
            if (complete(command)) {
                String text = command.toString();
                var trailing = STATUS.matcher(trailingComment(text));
                examples.add(new Example(
                        commandLine,
                        text,
                        trailing.lookingAt()
                                ? OptionalInt.of(Integer.parseInt(trailing.group(1)))
                                : OptionalInt.empty()));
                command = null;
            }
        }
        return new ShellExamples(file, List.copyOf(examples));
    }

    /** The curl commands, in the guide's order. */
    public List<Example> curls() {
        return examples.stream().filter(Example::isCurl).toList();
    }

    private static void documentStatus(List<Example> examples, String comment) {
        var status = STATUS.matcher(comment);
        if (!examples.isEmpty() && status.lookingAt()) {
            var last = examples.removeLast();
            examples.add(
                    last.documentedStatus().isPresent()
                            ? last
                            : new Example(
                                    last.line(), last.command(), OptionalInt.of(Integer.parseInt(status.group(1)))));
        }
    }

    /** True when no quote is open and the text does not end with a line continuation. */
    private static boolean complete(CharSequence text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                // A comment runs to the end of its line: quotes in it do not count.
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (quote == 0 && c == '\\') {
                i++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote && (quote == '\'' || text.charAt(i - 1) != '\\')) {
                quote = 0;
            }
        }
        return quote == 0 && !text.toString().stripTrailing().endsWith("\\");
    }

    /** The comment at the end of a command's last line, from its {@code #}, or "" when it has none. */
    private static String trailingComment(String command) {
        String last = command.substring(command.lastIndexOf('\n') + 1);
        var comment = Pattern.compile("(^|\\s)(#.*)$").matcher(last);
        return comment.find() && quotesBalanced(last.substring(0, comment.start(2))) ? comment.group(2) : "";
    }

    private static boolean quotesBalanced(String text) {
        return text.chars().filter(c -> c == '\'').count() % 2 == 0
                && text.chars().filter(c -> c == '"').count() % 2 == 0;
    }
}
