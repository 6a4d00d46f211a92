package dev.annals.server.internal.projection;

import dev.annals.projection.DeadLetter;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.UnknownDeadLetterException;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.AsciiNumbers;
import dev.annals.server.internal.json.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static java.util.Objects.requireNonNull;

/**
 * Projections and their dead letters: status with lag, pause, resume, rebuild; list, retry, skip.
 * Control requests are recorded in the projections' bookkeeping and served by the runners within
 * seconds, as with {@code annals projections}. Reading needs a token that may read every stream;
 * acting needs an admin token.
 */
public final class ProjectionRoutes {

    private final Optional<ProjectionStates> states;
    private final Guard guard;

    public ProjectionRoutes(Optional<ProjectionStates> states, Guard guard) {
        this.states = requireNonNull(states, "states");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.get("/projections", this::list);
        app.post("/projections/{name}/pause", ctx -> control(ctx, (s, name) -> s.pause(name), "pause"));
        app.post("/projections/{name}/resume", ctx -> control(ctx, (s, name) -> s.resume(name), "resume"));
        app.post("/projections/{name}/rebuild", ctx -> {
            RebuildMode mode = mode(ctx);
            control(ctx, (s, name) -> s.requestRebuild(name, mode), "rebuild");
        });
        app.get("/dead-letters", this::deadLetters);
        app.post("/dead-letters/{id}/retry", ctx -> letter(ctx, ProjectionStates::requestRetry, "retry"));
        app.post("/dead-letters/{id}/skip", ctx -> letter(ctx, ProjectionStates::skip, "skip"));
    }

    private ProjectionStates states() {
        return states.orElseThrow(
                () -> new ApiException(404, "not_configured", "this server runs no projections", Map.of()));
    }

    private void list(Context ctx) {
        guard.require(ctx, Permission.READ, "$all");
        var node = ApiJson.MAPPER.createObjectNode();
        var array = node.putArray("projections");
        for (ProjectionHealth health : states().health()) {
            var item = array.addObject();
            item.put("projection", health.projection());
            item.put("state", health.state().name().toLowerCase(Locale.ROOT));
            item.put("checkpoint", health.checkpoint());
            item.put("headPosition", health.headPosition());
            item.put("eventsBehind", health.eventsBehind());
            item.put("secondsBehind", health.secondsBehind());
            item.put("deadLetters", health.deadLetters());
            item.put("error", health.error());
            item.put("measuredAt", health.measuredAt().toString());
        }
        ctx.contentType("application/json").result(node.toString());
    }

    private void control(Context ctx, BiConsumer<ProjectionStates, String> action, String verb) {
        guard.require(ctx, Permission.ADMIN, "");
        String name = ctx.pathParam("name");
        ProjectionStates known = states();
        if (known.health().stream().noneMatch(health -> health.projection().equals(name))) {
            throw new ApiException(
                    404,
                    "projection_not_found",
                    "no projection named '" + name + "' has reported",
                    Map.of("projection", name));
        }
        action.accept(known, name);
        ctx.status(202)
                .contentType("application/json")
                .result("{\"projection\":" + ApiJson.MAPPER.getNodeFactory().textNode(name) + ",\"requested\":\"" + verb
                        + "\"}");
    }

    private static RebuildMode mode(Context ctx) {
        String value = ctx.queryParamAsClass("mode", String.class).getOrDefault("reset");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "reset" -> RebuildMode.RESET;
            case "blue_green", "blue-green" -> RebuildMode.BLUE_GREEN;
            default -> throw ApiException.badParameter("mode", value, "must be 'reset' or 'blue_green'");
        };
    }

    private void deadLetters(Context ctx) {
        guard.require(ctx, Permission.READ, "$all");
        var node = ApiJson.MAPPER.createObjectNode();
        var array = node.putArray("deadLetters");
        for (DeadLetter letter : states().deadLetters(Optional.ofNullable(ctx.queryParam("projection")))) {
            var item = array.addObject();
            item.put("id", letter.id());
            item.put("projection", letter.projection());
            item.put("position", letter.position());
            item.put("eventId", letter.eventId().toString());
            item.put("eventType", letter.eventType());
            item.put("error", letter.error());
            item.put("attempts", letter.attempts());
            item.put("firstFailure", letter.firstFailure().toString());
            item.put("lastFailure", letter.lastFailure().toString());
            item.put("status", letter.status().name().toLowerCase(Locale.ROOT));
        }
        ctx.contentType("application/json").result(node.toString());
    }

    private void letter(Context ctx, BiConsumer<ProjectionStates, Long> action, String verb) {
        guard.require(ctx, Permission.ADMIN, "");
        long id;
        try {
            id = AsciiNumbers.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(
                    "invalid_parameter",
                    "a dead letter id is a whole number, was '" + ctx.pathParam("id") + "'",
                    Map.of("parameter", "id"));
        }
        try {
            action.accept(states(), id);
        } catch (UnknownDeadLetterException e) {
            throw new ApiException(404, "dead_letter_not_found", e.getMessage(), Map.of("id", id));
        }
        ctx.status(202).contentType("application/json").result("{\"id\":" + id + ",\"requested\":\"" + verb + "\"}");
    }
}
