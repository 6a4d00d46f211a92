package dev.annals.server.internal.state;

import dev.annals.decider.EntityTypes;
import dev.annals.decider.FoldedState;
import dev.annals.decider.StateJson;
import dev.annals.decider.UnknownEntityTypeException;
import dev.annals.decider.VersionNotReachedException;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.AsciiNumbers;
import dev.annals.store.EventReader;
import dev.annals.store.StreamName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of a registered entity at {@code /state/{stream}}: now, as of an instant ({@code ?at=}), or
 * at a stream version ({@code ?version=}), folded by the entity type registered for its category.
 */
public final class StateRoutes {

    private final EventReader store;
    private final Optional<EntityTypes> entities;
    private final Guard guard;

    public StateRoutes(EventReader store, Optional<EntityTypes> entities, Guard guard) {
        this.store = requireNonNull(store, "store");
        this.entities = requireNonNull(entities, "entities");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        app.get("/state/{stream}", this::state);
    }

    private void state(Context ctx) {
        String stream = StreamName.validate(ctx.pathParam("stream"));
        guard.require(ctx, Permission.READ, stream);
        EntityTypes types = entities.orElseThrow(
                () -> new ApiException(404, "not_configured", "this server has no registered entity types", Map.of()));
        String at = ctx.queryParam("at");
        String version = ctx.queryParam("version");
        FoldedState<?> folded;
        try {
            if (at != null) {
                folded = types.stateAt(store, stream, instant(at));
            } else if (version != null) {
                folded = types.stateAtVersion(store, stream, version(version));
            } else {
                folded = types.current(store, stream);
            }
        } catch (UnknownEntityTypeException e) {
            throw new ApiException(
                    404, "unknown_entity_type", e.getMessage(), Map.of("stream", stream, "category", e.category()));
        } catch (VersionNotReachedException e) {
            throw new ApiException(
                    404,
                    "version_not_reached",
                    e.getMessage(),
                    Map.of("stream", stream, "requested", e.requested(), "current", e.current()));
        }
        ctx.contentType("application/json").result(StateJson.render(folded));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("at", value, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    private static long version(String value) {
        try {
            long version = AsciiNumbers.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("version", value, "must be a stream version of 0 or more");
    }
}
