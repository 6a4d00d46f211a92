package dev.annals.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies, each a {@link Piece} whose text holds the body's bytes one char per byte (ISO-8859-1):
 *  appends and commands with every field in right and wrong JSON types, then broken on
 * purpose (truncated, bytes that are not UTF-8, nested too deep, larger than the server takes).
 */
final class OddBodies {

    /** An event id every generated body may reuse, so that retries and conflicting reuses both happen. */
    private static final String SHARED_ID = "\"0190a5b0-0000-7000-8000-000000000017\"";

    private static final List<String> WRONG_TYPES = List.of(
            "1", "-1", "1.5", "\"x\"", "\"\"", "true", "null", "[]", "{}", "1e400", "123456789012345678901234567890");

    private final long limit;

    /** @param limit the server's body limit, so that some bodies are just over it */
    OddBodies(long limit) {
        this.limit = limit;
    }

    /** Any body: mostly appends and commands, each possibly broken, and some that are not JSON at all. */
    Arbitrary<Piece> bodies() {
        Arbitrary<Piece> json = Arbitraries.oneOf(validAppends(), appends(), commands());
        return Arbitraries.frequencyOf(
                Tuple.of(6, json.map(OddBodies::wire)),
                Tuple.of(4, json.flatMap(OddBodies::broken)),
                Tuple.of(
                        1,
                        Arbitraries.of("", "null", "[]", "\"events\"", "123", "{", "}", "{}{}", "\ufeff{}")
                                .map(text -> wire(new Piece("bare JSON '" + text + "'", text)))),
                Tuple.of(1, Arbitraries.of(100, 1000, 5000, 100_000).map(depth -> wire(nested(depth)))),
                Tuple.of(1, Arbitraries.of(0.5, 0.99, 1.01, 3.0).map(this::huge)));
    }

    /** Bodies for the command route: mostly commands, right or broken, and now and then anything else. */
    Arbitrary<Piece> commandBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, commands().map(OddBodies::wire)),
                Tuple.of(1, commands().flatMap(OddBodies::broken)),
                Tuple.of(1, bodies()));
    }

    /** Append bodies a careful client sends: every expected-version form, ids fresh or reused. */
    static Arbitrary<Piece> validAppends() {
        Arbitrary<String> expected =
                Arbitraries.of("", "\"any\"", "\"no_stream\"", "\"stream_exists\"", "-1", "0", "1", "2");
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(",\"eventId\":" + SHARED_ID),
                Arbitraries.create(java.util.UUID::randomUUID).map(uuid -> ",\"eventId\":\"" + uuid + "\""));
        Arbitrary<String> event = Combinators.combine(Arbitraries.integers().between(1, 100), id)
                .as((amount, eventId) -> "{\"type\":\"Counted\",\"data\":{\"amount\":" + amount + "}" + eventId + "}");
        return Combinators.combine(expected, event.list().ofMinSize(1).ofMaxSize(3))
                .as((version, events) -> new Piece(
                        "valid append body",
                        "{" + (version.isEmpty() ? "" : "\"expectedVersion\":" + version + ",") + "\"events\":["
                                + String.join(",", events) + "]}"));
    }

    /** Append bodies, every field chosen from right and wrong values. */
    static Arbitrary<Piece> appends() {
        Arbitrary<String> expected = Arbitraries.of(
                "",
                "\"any\"",
                "\"no_stream\"",
                "\"stream_exists\"",
                "-1",
                "0",
                "1",
                "2",
                "100",
                "-2",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "1.5",
                "1e3",
                "\"5\"",
                "true",
                "null",
                "[]",
                "{}",
                "\"ANY\"",
                "\"\"",
                "1e400",
                "-0");
        Arbitrary<String> event = Combinators.combine(
                        field(
                                "type",
                                "\"Counted\"",
                                "\"Opened\"",
                                "\"\"",
                                "\"  \"",
                                "\"$type\"",
                                "\"" + "T".repeat(300) + "\""),
                        field("data", "{}", "{\"amount\":5}", "{\"s\":\"\\ud800\"}", "{\"n\":1e999}", "\"x\""),
                        optional("metadata", "{}", "{\"correlationId\":\"c-1\"}", "{\"a\":1}", "{\"a\":null}"),
                        optional("eventId", SHARED_ID, "\"not-a-uuid\"", "\"" + java.util.UUID.randomUUID() + "\""),
                        optional("schemaVersion", "1", "2", "0", "2147483648", "1.0", "\"1\""),
                        Arbitraries.of("", ",\"extra\":1"))
                .as((type, data, metadata, id, schema, extra) ->
                        "{" + type + "," + data + metadata + id + schema + extra + "}");
        return Combinators.combine(expected, event.list().ofMinSize(0).ofMaxSize(4), Arbitraries.of("", ",\"more\":[]"))
                .as((version, events, extra) -> new Piece(
                        "append body",
                        "{" + (version.isEmpty() ? "" : "\"expectedVersion\":" + version + ",") + "\"events\":["
                                + String.join(",", events) + "]" + extra + "}"));
    }

    /** Bodies of the test domain's commands ({@code add} takes an amount, {@code label} a text and a flag). */
    static Arbitrary<Piece> commands() {
        return Arbitraries.oneOf(
                        field("amount", "5", "0", "-5", "9223372036854775807").map(amount -> "{" + amount + "}"),
                        Combinators.combine(
                                        field("text", "\"hi\"", "\" \"", "\"\\u0000\""), field("loud", "true", "false"))
                                .as((text, loud) -> "{" + text + "," + loud + "}"),
                        Arbitraries.of("{}", "{\"amount\":5,\"amount\":6}", "{\"unknown\":1}"))
                .map(text -> new Piece("command body", text));
    }

    private static Arbitrary<String> field(String name, String... right) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(right)), Tuple.of(1, Arbitraries.of(WRONG_TYPES)))
                .map(value -> "\"" + name + "\":" + value);
    }

    private static Arbitrary<String> optional(String name, String... right) {
        return Arbitraries.oneOf(Arbitraries.just(""), field(name, right).map(text -> "," + text));
    }

    /** {@code body} truncated, given bytes that are not UTF-8, or a byte replaced. */
    private static Arbitrary<Piece> broken(Piece body) {
        byte[] bytes = body.text().getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, bytes.length);
        Arbitrary<byte[]> invalid = Arbitraries.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {0},
                new byte[] {(byte) 0xe2, (byte) 0x82});
        return Arbitraries.oneOf(
                at.map(i -> new Piece("truncated " + body.label(), latin1(java.util.Arrays.copyOf(bytes, i)))),
                Combinators.combine(at, invalid)
                        .as((i, insert) ->
                                new Piece("invalid UTF-8 in " + body.label(), latin1(splice(bytes, i, insert)))));
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    private static Piece nested(int depth) {
        String events = "{\"events\":[{\"type\":\"Deep\",\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}]}";
        return new Piece("JSON nested " + depth + " deep", events);
    }

    private Piece huge(double ofLimit) {
        int size = (int) (limit * ofLimit);
        String padding = "x".repeat(Math.max(0, size - 60));
        return new Piece(
                "body of " + ofLimit + " times the limit",
                "{\"events\":[{\"type\":\"Huge\",\"data\":{\"pad\":\"" + padding + "\"}}]}");
    }

    /** {@code json}'s UTF-8 bytes as a wire piece. */
    private static Piece wire(Piece json) {
        return new Piece(json.label(), latin1(json.text().getBytes(StandardCharsets.UTF_8)));
    }

    /** The bytes kept one char per byte, so that a {@link Piece} can carry bytes that are not UTF-8. */
    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
