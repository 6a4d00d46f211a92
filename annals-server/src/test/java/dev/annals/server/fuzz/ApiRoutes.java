package dev.annals.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The routes the server documents, read from its OpenAPI document, so that a route added to the API is
 * fuzzed without anyone remembering to add it here.
 */
public final class ApiRoutes {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private ApiRoutes() {}

    /**
     * One documented operation.
     *
     * @param method   upper case, such as {@code POST}
     * @param template the path with {@code {parameters}}
     * @param query    the names of its documented query parameters
     * @param headers  the names of its documented header parameters
     * @param body     whether it documents a request body
     */
    public record Route(String method, String template, List<String> query, List<String> headers, boolean body) {}

    /** Every operation of the server's {@code openapi.json}. */
    public static List<Route> documented() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/dev/annals/server/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not on the test class path");
            }
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            var routes = new ArrayList<Route>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    routes.add(route(path.getKey(), operation.getKey(), path.getValue(), operation.getValue()));
                }
            }));
            return List.copyOf(routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Route route(String template, String method, JsonNode path, JsonNode operation) {
        var query = new ArrayList<String>();
        var headers = new ArrayList<String>();
        for (JsonNode parameters : List.of(path.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                switch (parameter.path("in").asText()) {
                    case "query" -> query.add(parameter.get("name").asText());
                    case "header" -> headers.add(parameter.get("name").asText());
                    default -> {}
                }
            }
        }
        return new Route(
                method.toUpperCase(Locale.ROOT),
                template,
                List.copyOf(query),
                List.copyOf(headers),
                operation.has("requestBody"));
    }
}
