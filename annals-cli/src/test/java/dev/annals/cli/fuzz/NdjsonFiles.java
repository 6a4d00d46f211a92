package dev.annals.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * NDJSON files as the command line is handed them: lines for {@code append --file} and exports for
 * {@code import}, right, or broken in one of the ways files get broken (cut short, bytes that are not
 * UTF-8, wrong JSON types, huge lines, ids used twice).
 */
final class NdjsonFiles {

    private static final String SHARED_ID = "0190a5b0-0000-7000-8000-000000000042";
    private static final List<String> WRONG =
            List.of("1", "-1", "1.5", "\"x\"", "\"\"", "true", "null", "[]", "{}", "1e400", "\"\\ud800\"");

    private NdjsonFiles() {}

    /**
     * A file for {@code append --file}, labelled with its input class.
     *
     * @return the label and the file's bytes
     */
    static Arbitrary<Tuple.Tuple2<String, byte[]>> appendFiles() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(
                        6,
                        Arbitraries.integers()
                                .between(1, 99)
                                .map(n -> "{\"type\":\"Counted\",\"data\":{\"amount\":" + n + "}}")),
                Tuple.of(2, Arbitraries.of("{\"type\":\"Counted\",\"data\":{},\"eventId\":\"" + SHARED_ID + "\"}")),
                Tuple.of(1, Arbitraries.of("", "   ", "\ufeff{\"type\":\"A\",\"data\":{}}")),
                Tuple.of(2, wrongField("type", "data", "metadata", "eventId")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "{",
                                "}",
                                "[]",
                                "null",
                                "{\"type\":\"A\"}",
                                "{\"type\":\"A\",\"data\":{},\"x\":1}",
                                "{\"type\":\"A\",\"data\":" + "[".repeat(3000) + "]".repeat(3000) + "}")),
                Tuple.of(
                        1,
                        Arbitraries.of(100_000, 2_000_000)
                                .map(n -> "{\"type\":\"Huge\",\"data\":\"" + "h".repeat(n) + "\"}")));
        return line.list().ofMinSize(0).ofMaxSize(6).flatMap(lines -> broken(String.join("\n", lines), "append file"));
    }

    /** An export file's lines before gzip: a header, events, an end line, each possibly wrong. */
    static Arbitrary<Tuple.Tuple2<String, byte[]>> exportFiles() {
        Arbitrary<String> header = Arbitraries.of(
                "{\"kind\":\"header\",\"format\":\"annals-export\",\"version\":2}",
                "{\"kind\":\"header\",\"format\":\"annals-export\",\"version\":99}",
                "{\"kind\":\"header\",\"format\":\"other\",\"version\":2}",
                "{\"kind\":\"header\",\"format\":\"annals-export\",\"version\":\"2\"}",
                "");
        Arbitrary<String> event = Combinators.combine(
                        Arbitraries.of("1", "2", "0", "-1", "9223372036854775807", "\"1\"", "1.5"),
                        Arbitraries.of("\"fuzz-1\"", "\"\"", "\"$all\"", "\"a\\u0000b\"", "1", "null"),
                        Arbitraries.of("0", "1", "-1", "\"0\""),
                        Arbitraries.of("\"" + SHARED_ID + "\"", "\"not-a-uuid\"", "null"),
                        Arbitraries.of("{\"n\":1}", "null", "\"x\""),
                        Arbitraries.of("\"2026-11-26T15:20:37.981214Z\"", "\"yesterday\"", "1"))
                .as((position, stream, version, id, data, at) -> "{\"position\":" + position + ",\"stream\":" + stream
                        + ",\"version\":" + version + ",\"id\":" + id + ",\"type\":\"Counted\",\"schemaVersion\":1,"
                        + "\"data\":" + data + ",\"metadata\":{},\"recordedAt\":" + at + "}");
        Arbitrary<String> end = Arbitraries.of(
                "{\"kind\":\"end\",\"events\":1,\"streamMarks\":0,\"subjectKeys\":0}",
                "{\"kind\":\"end\",\"events\":2,\"streamMarks\":0,\"subjectKeys\":0}",
                "{\"kind\":\"end\",\"events\":-1}",
                "{\"kind\":\"mystery\"}",
                "");
        return Combinators.combine(header, event.list().ofMaxSize(3), end)
                .as((h, events, e) -> h + "\n" + String.join("\n", events) + "\n" + e)
                .flatMap(text -> broken(text, "export file"));
    }

    private static Arbitrary<String> wrongField(String... names) {
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(WRONG)).as((name, value) -> {
            String type = name.equals("type") ? value : "\"A\"";
            String data = name.equals("data") ? value : "{}";
            String extra = name.equals("metadata") || name.equals("eventId") ? ",\"" + name + "\":" + value : "";
            return "{\"type\":" + type + ",\"data\":" + data + extra + "}";
        });
    }

    /** {@code text} as UTF-8, as it is, cut short, or with bytes that are not UTF-8 spliced in. */
    private static Arbitrary<Tuple.Tuple2<String, byte[]>> broken(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, bytes.length);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Tuple.of(what, bytes))),
                Tuple.of(1, at.map(i -> Tuple.of("truncated " + what, java.util.Arrays.copyOf(bytes, i)))),
                Tuple.of(
                        1,
                        Combinators.combine(at, Arbitraries.of((byte) 0xff, (byte) 0xc0, (byte) 0x80, (byte) 0xed))
                                .as((i, bad) -> Tuple.of("invalid UTF-8 in " + what, splice(bytes, i, bad)))));
    }

    private static byte[] splice(byte[] bytes, int at, byte bad) {
        var out = new ByteArrayOutputStream(bytes.length + 1);
        out.write(bytes, 0, at);
        out.write(bad);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
