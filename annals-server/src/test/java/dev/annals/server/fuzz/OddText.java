package dev.annals.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Path segments, numbers and names as a careless or hostile client would send them. */
final class OddText {

    private OddText() {}

    /** A stream name as a path segment: valid ones, and every class of odd name the API must refuse cleanly. */
    static Arbitrary<Piece> streamNames() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        8,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .flatMap(id -> Arbitraries.of("fuzz-", "tally-", "counter-")
                                        .map(category -> Piece.encoded("valid stream name", category + id)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Piece.raw("empty stream name", ""))),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(200, 201, 1000, 7000, 20_000)
                                .map(n -> Piece.raw("stream name of " + n + " characters", "s".repeat(n)))),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.strings()
                                .all()
                                .ofMinLength(1)
                                .ofMaxLength(12)
                                .map(text -> Piece.encoded("unicode stream name", text))),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.chars()
                                .range('\u0000', '\u001f')
                                .map(c -> Piece.encoded("control character in stream name", "fuzz-" + c + "x"))),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                        "..",
                                        ".",
                                        "%2e%2e",
                                        "%2E",
                                        "%2F",
                                        "a%2Fb",
                                        "%2f..%2f..%2fetc",
                                        "$all",
                                        "%24all",
                                        "$ce-fuzz",
                                        "$et-Counted",
                                        "$",
                                        "$nope",
                                        "$ce-",
                                        "$et-",
                                        "$ce-%00",
                                        "a%00b",
                                        "%0A",
                                        "%0D%0A",
                                        "%7F",
                                        "%C0%AF",
                                        "%FF",
                                        "%ED%A0%80",
                                        "%F4%90%80%80",
                                        "%",
                                        "%2",
                                        "%zz",
                                        "a;b",
                                        "a;b=c",
                                        "a%3Bb",
                                        "a%20b",
                                        "+",
                                        "~",
                                        "*",
                                        "a/b",
                                        "a//b",
                                        "%E2%80%AE",
                                        "%EF%BB%BF",
                                        "%C2%A0",
                                        "-",
                                        "fuzz-",
                                        "-fuzz",
                                        "%5C",
                                        "a%5C..%5Cb",
                                        "%252F",
                                        "%u002F",
                                        "con",
                                        "NUL",
                                        "truncate")
                                .map(text -> Piece.raw("odd stream name '" + text + "'", text))));
    }

    /** A whole number as a client may mistype it: edges of a long, fractions, words, blanks. */
    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "-1",
                        "0",
                        "1",
                        "2",
                        "1000",
                        "1001",
                        "9223372036854775807",
                        "9223372036854775808",
                        "-9223372036854775808",
                        "-9223372036854775809",
                        "99999999999999999999999",
                        "1.5",
                        "1e3",
                        "0x10",
                        "+1",
                        "%201",
                        "",
                        "abc",
                        "NaN",
                        "%EF%BC%91",
                        "%D9%A1",
                        "-0",
                        "%00"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-5, 50).map(String::valueOf));
    }

    /** A name of a command, query, projection or dead letter id: known ones and odd ones. */
    static Arbitrary<Piece> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("add", "label", "tally", "fuzz-totals", "unknown", "ADD", "add%00", "0", "-1")
                        .map(name -> Piece.raw("name '" + name + "'", name)),
                Arbitraries.create(java.util.UUID::randomUUID).map(id -> Piece.raw("id as a UUID", id.toString())),
                streamNames().map(piece -> new Piece(piece.label().replace("stream name", "name"), piece.text())));
    }
}
