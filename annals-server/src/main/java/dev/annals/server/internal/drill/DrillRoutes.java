package dev.annals.server.internal.drill;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /drills/last}: the report {@code annals drill} last left in the store's data directory, as
 * it wrote it. The server only passes it on: it does not depend on the drills, and a report of a newer
 * version reaches the console unchanged. 404 when the deployment has no data directory, or no drill has
 * written there; a file that is not a JSON object is treated as absent (and logged), since it is not the
 * caller's fault. Reading it needs the right to read {@code $all}: it names the drill's streams and counts.
 */
public final class DrillRoutes {

    /** The file {@code annals drill} writes in an embedded store's data directory. */
    public static final String LAST_REPORT = "last-drill.json";

    private static final Logger LOG = LoggerFactory.getLogger(DrillRoutes.class);

    private final Optional<Path> dataDirectory;
    private final Guard guard;

    public DrillRoutes(Optional<Path> dataDirectory, Guard guard) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        app.get("/drills/last", this::last);
    }

    private void last(Context ctx) {
        guard.require(ctx, Permission.READ, "$all");
        JsonNode report = dataDirectory.flatMap(DrillRoutes::read).orElseThrow(DrillRoutes::none);
        ctx.contentType("application/json").result(report.toString());
    }

    private static Optional<JsonNode> read(Path directory) {
        Path file = directory.resolve(LAST_REPORT);
        try {
            JsonNode report = ApiJson.MAPPER.readTree(Files.readAllBytes(file));
            if (report != null && report.isObject()) {
                return Optional.of(report);
            }
            LOG.warn("the last drill report {} is not a JSON object: not served", file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            LOG.warn("the last drill report {} is not JSON: not served ({})", file, e.getOriginalMessage());
        } catch (IOException e) {
            LOG.warn("the last drill report {} could not be read: {}", file, e.getMessage());
        }
        return Optional.empty();
    }

    private static ApiException none() {
        return new ApiException(
                404,
                "no_drill_report",
                "no drill report: annals drill leaves its last report for the console only on an embedded store,"
                        + " run on the same data directory",
                Map.of());
    }
}
