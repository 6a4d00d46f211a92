package dev.annals.server.fuzz;

import dev.annals.server.fuzz.ApiRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates requests over every documented route: its path parameters, query parameters, headers, body,
 * method and token each either right or wrong in one of the ways the fuzzer knows, and some requests
 * for paths no route serves.
 */
public final class FuzzRequests {

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "POST ");

    private static final List<String> UNROUTED = List.of(
            "/",
            "/streams/",
            "//streams",
            "/streams/a/b/c",
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/console/nothing",
            "/console/../openapi.json",
            "*",
            "http://127.0.0.1/streams",
            "/" + "p".repeat(10_000),
            "/streams?" + "q".repeat(10_000),
            "/streams/fuzz-1\u00e9",
            "/streams/fuzz 1",
            "/streams/fuzz-1#frag",
            "streams");

    private final List<Route> routes;
    private final OddBodies bodies;

    /** @param limit the server's body limit */
    public FuzzRequests(long limit) {
        this.routes = ApiRoutes.documented();
        this.bodies = new OddBodies(limit);
    }

    /** The documented routes the requests are drawn from. */
    public List<Route> routes() {
        return routes;
    }

    /** Any generated request. */
    public Arbitrary<FuzzRequest> requests() {
        Arbitrary<String> method = Arbitraries.of(METHODS);
        Arbitrary<Tuple.Tuple2<Route, Piece>> routed =
                weighted().flatMap(route -> target(route).map(path -> Tuple.of(route, path)));
        Arbitrary<Tuple.Tuple2<Route, Piece>> unrouted = Combinators.combine(
                        Arbitraries.of(routes), Arbitraries.of(UNROUTED))
                .as((route, path) -> Tuple.of(route, Piece.raw("unrouted target", path)));
        return Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(12, routed), Tuple.of(1, unrouted)),
                        Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(1, method)),
                        OddHeaders.headers(),
                        Arbitraries.of(FuzzRequest.Credential.class),
                        bodies.bodies(),
                        bodies.commandBodies(),
                        Arbitraries.integers().between(0, 3))
                .as((target, otherMethod, headers, credential, anyBody, commandBody, bodyChoice) -> {
                    Route route = target.get1();
                    Piece path = target.get2();
                    Piece body = route.template().startsWith("/commands/") ? commandBody : anyBody;
                    String chosen = otherMethod.isEmpty() ? route.method() : otherMethod;
                    // A body goes where one is documented, and now and then where none is.
                    boolean withBody = chosen.startsWith("POST") ? bodyChoice > 0 : bodyChoice == 0;
                    var labels = new ArrayList<String>();
                    labels.add(path.label());
                    if (!otherMethod.isEmpty()) {
                        labels.add("method " + otherMethod.strip());
                    }
                    headers.forEach(header -> labels.add(header.label()));
                    if (withBody) {
                        labels.add(body.label());
                    }
                    return new FuzzRequest(
                            String.join(", ", labels),
                            chosen,
                            path.text(),
                            headers.stream().map(Piece::text).toList(),
                            credential,
                            withBody ? body.text().getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
                });
    }

    /** The documented routes, those that write or stream drawn more often than the rest. */
    private Arbitrary<Route> weighted() {
        var weights = routes.stream()
                .map(route -> Tuple.of(weight(route), Arbitraries.just(route)))
                .toList();
        return Arbitraries.frequencyOf(weights.toArray(Tuple.Tuple2[]::new));
    }

    private static int weight(Route route) {
        return switch (route.method() + " " + route.template()) {
            case "POST /streams/{stream}" -> 8;
            case "POST /commands/{name}/{stream}", "GET /streams/{stream}", "GET /subscriptions/{stream}" -> 3;
            default -> 1;
        };
    }

    /** A path for {@code route} with its parameters filled, and a query string of its parameters and others. */
    private Arbitrary<Piece> target(Route route) {
        Arbitrary<Piece> query = Combinators.combine(
                        Arbitraries.subsetOf(route.query()), queryValues(), queryValues(), extraQuery())
                .as((names, first, second, extra) -> {
                    var parts = new ArrayList<String>();
                    var labels = new ArrayList<String>();
                    int i = 0;
                    for (String name : names) {
                        Piece value = i++ % 2 == 0 ? first : second;
                        parts.add(name + "=" + value.text());
                        labels.add(name + " " + value.label());
                    }
                    if (!extra.text().isEmpty()) {
                        parts.add(extra.text());
                        labels.add(extra.label());
                    }
                    return new Piece(String.join(", ", labels), parts.isEmpty() ? "" : "?" + String.join("&", parts));
                });
        return Combinators.combine(streams(route), names(route), OddText.names(), query)
                .as((stream, name, id, q) -> {
                    String path = route.template()
                            .replace("{stream}", stream.text())
                            .replace("{name}", name.text())
                            .replace("{id}", id.text());
                    var label = new StringBuilder(route.method() + " " + route.template());
                    if (route.template().contains("{stream}")) {
                        label.append(", ").append(stream.label());
                    }
                    if (route.template().contains("{name}") || route.template().contains("{id}")) {
                        label.append(", ").append(route.template().contains("{name}") ? name.label() : id.label());
                    }
                    if (!q.label().isEmpty()) {
                        label.append(", query ").append(q.label());
                    }
                    return new Piece(label.toString(), path + q.text());
                });
    }

    /** Names for {@code route}: for commands, mostly the two the server takes, so that some get as far as deciding. */
    private static Arbitrary<Piece> names(Route route) {
        if (!route.template().startsWith("/commands/")) {
            return OddText.names();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("add", "label").map(name -> Piece.raw("command '" + name + "'", name))),
                Tuple.of(1, OddText.names()));
    }

    /** Streams for {@code route}: for commands, mostly ones of the entity the commands are for. */
    private static Arbitrary<Piece> streams(Route route) {
        if (!route.template().startsWith("/commands/")) {
            return OddText.streamNames();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of("tally-1", "tally-2", "tally-3")
                                .map(name -> Piece.raw("valid stream name", name))),
                Tuple.of(1, OddText.streamNames()));
    }

    private static Arbitrary<Piece> queryValues() {
        return Arbitraries.oneOf(
                OddText.numbers().map(n -> Piece.raw("'" + n + "'", n)),
                Arbitraries.of(
                                "forward",
                                "backward",
                                "BACKWARD",
                                "sideways",
                                "soft",
                                "hard",
                                "reset",
                                "keep",
                                "2026-01-01T00:00:00Z",
                                "2026-13-45",
                                "yesterday",
                                "fuzz-",
                                "$all",
                                "%FF",
                                "%",
                                "a+b")
                        .map(value -> Piece.raw("'" + value + "'", value)),
                OddText.streamNames());
    }

    private static Arbitrary<Piece> extraQuery() {
        return Arbitraries.of(
                        "",
                        "",
                        "",
                        "&&",
                        "=x",
                        "a",
                        "from=1&from=2",
                        "%zz=1",
                        "limit=%FF",
                        "access_token=nope",
                        "access_token=",
                        "x=" + "v".repeat(3000),
                        "direction",
                        "a=%00")
                .map(extra -> Piece.raw(extra.isEmpty() ? "" : "extra query '" + abbreviated(extra) + "'", extra));
    }

    private static String abbreviated(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
