package dev.annals.server.internal.ops;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI document of the HTTP API at {@code /openapi.json}. */
public final class OpenApiRoute {

    /** Where the document lives on the class path. */
    public static final String RESOURCE = "/dev/annals/server/openapi.json";

    private OpenApiRoute() {}

    /** Registers the route on {@code app}. */
    public static void install(Javalin app) {
        byte[] document = load();
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }

    private static byte[] load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI document " + RESOURCE, e);
        }
    }
}
