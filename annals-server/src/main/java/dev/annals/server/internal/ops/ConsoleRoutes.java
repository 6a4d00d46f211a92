package dev.annals.server.internal.ops;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The web console at {@code /}: one page, a script, a style sheet and an icon, served from the jar. It is plain
 * JavaScript over the HTTP API, so it needs no build step and grants nothing the API does not. Its one
 * library, uPlot for the lag charts, comes from its WebJar on the classpath and is served at
 * {@code /vendor/uplot.js} and {@code /vendor/uplot.css} whatever the WebJar's version.
 */
public final class ConsoleRoutes {

    private static final String ROOT = "/dev/annals/server/console/";
    private static final String UPLOT = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private ConsoleRoutes() {}

    /** Registers the routes on {@code app}. */
    public static void install(Javalin app) {
        byte[] page = load("index.html");
        byte[] script = load("console.js");
        byte[] style = load("console.css");
        byte[] icon = load("favicon.ico");
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        app.get("/console.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .result(script));
        app.get("/console.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .result(style));
        // Browsers ask for it on every page: without it each visit logged a 404.
        app.get("/favicon.ico", ctx -> ctx.contentType("image/x-icon")
                .header("Cache-Control", "max-age=86400")
                .result(icon));
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion(UPLOT) + "/dist/";
        byte[] chartScript = resource(uplot + "uPlot.iife.min.js");
        byte[] chartStyle = resource(uplot + "uPlot.min.css");
        app.get("/vendor/uplot.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "max-age=86400")
                .result(chartScript));
        app.get("/vendor/uplot.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=86400")
                .result(chartStyle));
    }

    private static String webJarVersion(String properties) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the WebJar described by " + properties + " is missing from the" + " classpath");
            }
            var values = new Properties();
            values.load(in);
            return values.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + properties, e);
        }
    }

    private static byte[] load(String name) {
        return resource(ROOT + name);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the console file " + path, e);
        }
    }
}
