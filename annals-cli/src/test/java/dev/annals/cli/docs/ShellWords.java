package dev.annals.cli.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one plain shell command as bash would pass them to a program: quotes removed, a backslash
 * before a newline joining lines, a {@code #} comment dropped. Anything that would need a shell to run
 * (a pipe, a redirection, a variable, a second command) is refused, so such a line is run by a shell or
 * listed as covered elsewhere rather than run here with a different meaning.
 */
final class ShellWords {

    private ShellWords() {}

    /** The words of {@code command}; throws {@link IllegalArgumentException} naming what needs a shell. */
    static List<String> of(String command) {
        var words = new ArrayList<String>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '$' || c == '`') {
                    throw new IllegalArgumentException("a variable or command substitution");
                } else if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++; // a line continuation
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                while (i < command.length() && command.charAt(i) != '\n') {
                    i++; // a comment runs to the end of its line
                }
            } else if ("|&;<>()$`*?".indexOf(c) >= 0) {
                throw new IllegalArgumentException("shell syntax '" + c + "'");
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("an unclosed quote");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }
}
