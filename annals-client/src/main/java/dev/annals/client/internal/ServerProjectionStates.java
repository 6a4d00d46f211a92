package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.client.ApiErrorException;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.UnknownDeadLetterException;
import dev.annals.store.EventStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The projections' bookkeeping of a running server, over its routes: {@code GET /projections}, {@code POST
 * /projections/{name}/pause|resume|rebuild}, {@code GET /dead-letters}, {@code POST /dead-letters/{id}/retry|skip}.
 * Requests are recorded by the server and served by its runners within seconds, as from the command line.
 *
 * <p>What only a runner needs, {@link #checkpoint}, {@link #control} and {@link #report}, the API does not
 * offer: the server's runners keep their own. They raise an {@link EventStoreException} saying so. Over the
 * API only open dead letters are listed, so {@link #deadLetter(long)} finds open ones only. Thread-safe.
 */
public final class ServerProjectionStates implements ProjectionStates {

    private final Transport transport;
    private final String server;

    /** The bookkeeping behind {@code transport}; {@code server} names it for people. */
    public ServerProjectionStates(Transport transport, String server) {
        this.transport = requireNonNull(transport, "transport");
        this.server = requireNonNull(server, "server");
    }

    @Override
    public List<ProjectionHealth> health() {
        return items(call(() -> transport.get("projections")), "projections", ProjectionJson::health);
    }

    @Override
    public void pause(String projection) {
        request(projection, "pause");
    }

    @Override
    public void resume(String projection) {
        request(projection, "resume");
    }

    @Override
    public void requestRebuild(String projection, RebuildMode mode) {
        String query =
                switch (requireNonNull(mode, "mode")) {
                    case RESET -> "reset";
                    case BLUE_GREEN -> "blue_green";
                    case NONE ->
                        throw new IllegalArgumentException(
                                "a rebuild of '" + projection + "' needs a mode: RESET or BLUE_GREEN");
                };
        request(projection, "rebuild?mode=" + query);
    }

    private void request(String projection, String action) {
        requireNonNull(projection, "projection");
        call(() -> transport.post("projections/" + PathSegment.encode(projection) + "/" + action, new byte[0]));
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<String> projection) {
        String query = projection
                .map(name -> "?projection=" + PathSegment.encode(name))
                .orElse("");
        return items(call(() -> transport.get("dead-letters" + query)), "deadLetters", ProjectionJson::deadLetter);
    }

    /** {@inheritDoc} Over the API, among the open letters only: a resolved or skipped one is not found. */
    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return deadLetters(Optional.empty()).stream()
                .filter(letter -> letter.id() == id)
                .findFirst();
    }

    @Override
    public void requestRetry(long id) {
        letter(id, "retry");
    }

    @Override
    public void skip(long id) {
        letter(id, "skip");
    }

    private void letter(long id, String action) {
        try {
            call(() -> transport.post("dead-letters/" + id + "/" + action, new byte[0]));
        } catch (ApiErrorException e) {
            throw e.status() == 404 && e.code().equals("dead_letter_not_found")
                    ? new UnknownDeadLetterException(id)
                    : e;
        }
    }

    @Override
    public long checkpoint(String projection) {
        throw runnerSide("checkpoints");
    }

    @Override
    public ProjectionControl control(String projection) {
        throw runnerSide("control requests");
    }

    @Override
    public void report(ProjectionHealth health) {
        throw runnerSide("reports");
    }

    private EventStoreException runnerSide(String what) {
        return new EventStoreException(server + " runs its projections itself and its runners report their own"
                + " status: their " + what + " are not offered over HTTP (its API gives the reported status, pause,"
                + " resume, rebuild and dead letters)");
    }

    private static <T> List<T> items(JsonNode answer, String field, Function<JsonNode, T> item) {
        var items = new ArrayList<T>();
        answer.path(field).forEach(node -> items.add(item.apply(node)));
        return List.copyOf(items);
    }

    /** Runs {@code request}; a server that runs no projections is a deployment without this capability. */
    private JsonNode call(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ApiErrorException e) {
            if (e.status() == 404 && e.code().equals("not_configured")) {
                throw new UnsupportedCapabilityException(server, "projections", "(it runs none)");
            }
            throw e;
        }
    }
}
