package dev.annals.server.internal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.annals.projection.ProjectionLagException;
import dev.annals.server.auth.Permission;
import dev.annals.server.command.ReadModelQuery;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /queries/{name}} asks a registered read-model query with the request's query parameters;
 * {@code GET /queries} lists their names. A query that refuses its parameters is a 400; one whose wait for
 * a read model's position timed out ({@link ProjectionLagException}) is a 504 naming the projection, the
 * awaited position, its checkpoint and the head.
 */
public final class QueryRoutes {

    private final Map<String, ReadModelQuery> queries;
    private final Guard guard;

    public QueryRoutes(Map<String, ReadModelQuery> queries, Guard guard) {
        this.queries = Map.copyOf(requireNonNull(queries, "queries"));
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.get("/queries", this::list);
        app.get("/queries/{name}", this::ask);
    }

    private void list(Context ctx) {
        guard.require(ctx, Permission.READ, "");
        var node = ApiJson.MAPPER.createObjectNode();
        queries.keySet().stream().sorted().forEach(node.putArray("queries")::add);
        ctx.contentType("application/json").result(node.toString());
    }

    private void ask(Context ctx) {
        String name = ctx.pathParam("name");
        guard.require(ctx, Permission.READ, "");
        ReadModelQuery query = queries.get(name);
        if (query == null) {
            throw new ApiException(
                    404,
                    "unknown_query",
                    "no query named '" + name + "'; known: "
                            + queries.keySet().stream().sorted().toList(),
                    Map.of("query", name));
        }
        var parameters = new LinkedHashMap<String, String>();
        ctx.queryParamMap().forEach((key, values) -> parameters.put(key, values.isEmpty() ? "" : values.getFirst()));
        Object answer;
        try {
            answer = query.answer(Map.copyOf(parameters));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(
                    "invalid_query", "query '" + name + "': " + e.getMessage(), Map.of("query", name));
        } catch (ProjectionLagException e) {
            // The read model did not catch up in time: the answer would be stale, so say where it stands.
            throw new ApiException(
                    504,
                    "projection_lag",
                    "query '" + name + "': " + e.getMessage() + "; retry later, or ask without waiting for a position",
                    Map.of(
                            "query",
                            name,
                            "projection",
                            e.projection(),
                            "awaitedPosition",
                            e.awaitedPosition(),
                            "checkpoint",
                            e.health().checkpoint(),
                            "headPosition",
                            e.health().headPosition()));
        }
        try {
            ctx.contentType("application/json").result(ApiJson.MAPPER.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer of query '" + name + "' could not be written as JSON", e);
        }
    }
}
