package dev.annals.server.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Header lines: content types, accepts, resume ids, tokens and ids as clients get them wrong. */
final class OddHeaders {

    private OddHeaders() {}

    /** Zero to three header lines, each labelled; a JSON content type most of the time. */
    static Arbitrary<List<Piece>> headers() {
        Arbitrary<Piece> one = Arbitraries.oneOf(
                contentTypes(),
                accepts(),
                Arbitraries.oneOf(OddText.numbers(), odd())
                        .map(value -> new Piece("Last-Event-ID '" + value + "'", "Last-Event-ID: " + value)),
                authorizations(),
                Arbitraries.oneOf(odd(), Arbitraries.just("corr-1"))
                        .map(value -> new Piece("odd X-Correlation-Id", "X-Correlation-Id: " + value)),
                odd().map(value -> new Piece("odd X-Request-Id", "X-Request-Id: " + value)),
                Arbitraries.of("null", "http://evil.example", "http://127.0.0.1:1", "file://", "%%")
                        .map(value -> new Piece("Origin " + value, "Origin: " + value)),
                Arbitraries.of(
                                "Content-Encoding: gzip",
                                "Content-Encoding: identity, br",
                                "Expect: nothing",
                                "Host: evil.example",
                                "Range: bytes=0-1",
                                "If-None-Match: *",
                                "Bad Header: x",
                                ": no name",
                                "Cookie: \u00ff\u00fe",
                                "X-Long: " + "y".repeat(20_000))
                        .map(line -> new Piece("odd header " + line.substring(0, Math.min(line.length(), 24)), line)));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.of(new Piece("JSON body", "Content-Type: application/json")))),
                Tuple.of(3, one.list().ofMinSize(0).ofMaxSize(3)));
    }

    private static Arbitrary<Piece> contentTypes() {
        return Arbitraries.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "application/json; charset=latin1",
                        "application/json; charset=utf-16",
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "application/json;;;",
                        "",
                        "*/*",
                        "application/json\u00ff")
                .map(type -> new Piece("Content-Type '" + type + "'", "Content-Type: " + type));
    }

    private static Arbitrary<Piece> accepts() {
        return Arbitraries.of(
                        "text/event-stream",
                        "application/json",
                        "*/*",
                        "text/html",
                        "",
                        "text/event-stream;q=0",
                        "text/event-stream;q=abc",
                        "\u00e9/\u00e9",
                        "application/json, text/event-stream;q=0.5")
                .map(type -> new Piece("Accept '" + type + "'", "Accept: " + type));
    }

    private static Arbitrary<Piece> authorizations() {
        return Arbitraries.of(
                        "Bearer",
                        "Bearer ",
                        "Bearer  x",
                        "Basic YTpi",
                        "bearer nope",
                        "Token x",
                        "Bearer \u00e9\u00ff",
                        "Bearer " + "a".repeat(5000),
                        "Bearer x\r\nAuthorization: Bearer y")
                .map(value -> new Piece(
                        "Authorization '" + value.substring(0, Math.min(value.length(), 20)) + "'",
                        "Authorization: " + value));
    }

    /** Header values of odd bytes: empty, long, not ASCII, tabs. */
    private static Arbitrary<String> odd() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t", "x".repeat(300), "\u00ff\u0080", "$", "-1", "a b c", "\u0001"),
                Arbitraries.strings().withCharRange('\u0020', '\u00ff').ofMaxLength(40));
    }
}
