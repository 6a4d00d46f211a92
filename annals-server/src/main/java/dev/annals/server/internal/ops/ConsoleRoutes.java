package dev.annals.server.internal.ops;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web console at {@code /}: one page, a script and a style sheet, served from the jar. It is plain
 * JavaScript over the HTTP API, so it needs no build step and grants nothing the API does not.
 */
public final class ConsoleRoutes {

    private static final String ROOT = "/dev/annals/server/console/";

    private ConsoleRoutes() {
    }

    /** Registers the routes on {@code app}. */
    public static void install(Javalin app) {
        byte[] page = load("index.html");
        byte[] script = load("console.js");
        byte[] style = load("console.css");
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        app.get("/console.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(script));
        app.get("/console.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(style));
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + ROOT + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the console file " + ROOT + name, e);
        }
    }
}
