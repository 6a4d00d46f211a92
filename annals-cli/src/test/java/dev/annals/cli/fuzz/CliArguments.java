package dev.annals.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Command lines of the commands that take a stream and numbers, with odd stream names and numbers that
 * are out of range or not numbers at all.
 *
 * @param words     the arguments after {@code --data DIR}
 * @param notNumber true when a numeric option was given something that is not a whole number in range of
 *                  a long, which is a usage error (exit 2)
 */
record CliArguments(List<String> words, boolean notNumber) {

    static final List<String> NOT_NUMBERS =
            List.of("abc", "1.5", "1e3", "", " ", "0x10", "99999999999999999999", "-9223372036854775809", "\u0661");

    static Arbitrary<CliArguments> commandLines() {
        Arbitrary<String> stream = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(s -> "fuzz-" + s),
                Arbitraries.of(
                        "",
                        " ",
                        "..",
                        "$all",
                        "$ce-fuzz",
                        "$et-Counted",
                        "$",
                        "$nope",
                        "a/b",
                        "a%2Fb",
                        "-x",
                        "--help",
                        "fuzz-\u0000",
                        "fuzz-\n2",
                        "fuzz-\u202e",
                        "\ud800",
                        "s".repeat(201),
                        "s".repeat(5000)),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.of("-2", "-1", "0", "1", "2", "9223372036854775807", "-9223372036854775808"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of(NOT_NUMBERS));
        Arbitrary<String> command = Arbitraries.of("append", "read", "delete", "truncate", "state", "streams");
        return Combinators.combine(
                        command, stream, number, Arbitraries.of("{\"amount\":1}", "{", "[]", "\"x\"", "\u00ff"))
                .as((name, s, n, json) -> {
                    var words = new ArrayList<String>();
                    words.add(name);
                    boolean numeric = true;
                    switch (name) {
                        case "append" -> words.addAll(List.of(s, "Counted", json, "--expected-version", n));
                        case "read" -> words.addAll(List.of(s, "--limit", n));
                        case "delete" -> words.add(s);
                        case "truncate" -> words.addAll(List.of(s, "--before", n));
                        case "state" -> words.addAll(List.of(s, "--version", n));
                        default -> {
                            // streams takes no stream: a stray one is a usage error.
                            words.add(s);
                            numeric = false;
                        }
                    }
                    if (name.equals("delete")) {
                        numeric = false;
                    }
                    return new CliArguments(List.copyOf(words), numeric && NOT_NUMBERS.contains(n));
                });
    }
}
