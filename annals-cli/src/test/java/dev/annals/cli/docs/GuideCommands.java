package dev.annals.cli.docs;

import dev.annals.cli.serve.ShellExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The commands a markdown guide shows: every command of its fenced shell blocks ({@link ShellExamples}), and
 * every {@code annals} line of its other code blocks (untagged fences and indented blocks, where a command
 * is followed by what it prints), in the guide's order. Blocks tagged with another language (java, json,
 * yaml, ...) hold no commands.
 */
record GuideCommands(Path guide, List<Command> commands) {

    private static final Pattern ANNALS = Pattern.compile("^(\\./)?annals\\s");
    private static final Pattern EXIT = Pattern.compile("(^|\\s)#\\s*exit\\s+(\\d+)\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[|(^|\\s)[A-Z][A-Z_]*(\\s|$)");

    /**
     * One command of a guide.
     *
     * @param line    the line of the guide it starts on
     * @param text    the command as a reader copies it, comments included
     * @param inShell true when it stands in a shell block, false for a line of another code block
     */
    record Command(int line, String text, boolean inShell) {

        /** True when it runs {@code annals} ({@code ./annals} or {@code annals}, as its first word). */
        boolean isAnnals() {
            return ANNALS.matcher(text).find();
        }

        /** True when it runs curl anywhere in it. */
        boolean isCurl() {
            return new ShellExamples.Example(line, text, OptionalInt.empty()).isCurl();
        }

        /**
         * True for a usage synopsis outside a shell block: {@code [optional]} parts or CAPITAL placeholders
         * ({@code annals dlq retry ID}), which name no real value to run with.
         */
        boolean isSynopsis() {
            return !inShell && PLACEHOLDER.matcher(text).find();
        }

        /** The exit code its comment documents, {@code # exit 1 ...}, or 0. */
        int documentedExit() {
            var exit = EXIT.matcher(text.substring(text.lastIndexOf('\n') + 1));
            return exit.find() ? Integer.parseInt(exit.group(2)) : 0;
        }

        /** The command without its trailing comment and with its lines joined: how allow-lists name it. */
        String key() {
            String joined = text.replace("\\\n", " ").replaceAll("\\s+", " ").strip();
            var comment = Pattern.compile("\\s#[^'\"]*$").matcher(joined);
            return (comment.find() ? joined.substring(0, comment.start()) : joined).strip();
        }

        @Override
        public String toString() {
            return "line " + line + ": " + text;
        }
    }

    static GuideCommands of(Path guide) throws IOException {
        var commands = new ArrayList<Command>();
        ShellExamples.of(guide)
                .examples()
                .forEach(example -> commands.add(new Command(example.line(), example.command(), true)));
        List<String> lines = Files.readAllLines(guide);
        String fence = null; // the language of the open fence, "" when untagged
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).strip() : null;
                continue;
            }
            boolean plainFence = fence != null && fence.isEmpty();
            boolean indented = fence == null && line.startsWith("    ");
            if ((plainFence || indented) && ANNALS.matcher(line.strip()).find()) {
                commands.add(new Command(i + 1, line.strip(), false));
            }
        }
        commands.sort(Comparator.comparingInt(Command::line));
        return new GuideCommands(guide, List.copyOf(commands));
    }
}
