package dev.annals.server;

import dev.annals.audit.AuditTrail;
import dev.annals.decider.EntityTypes;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RelayReports;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.internal.audit.AuditRoutes;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.auth.RequestGate;
import dev.annals.server.internal.command.CommandRoutes;
import dev.annals.server.internal.command.QueryRoutes;
import dev.annals.server.internal.correlation.CorrelationRoutes;
import dev.annals.server.internal.drill.DrillRoutes;
import dev.annals.server.internal.error.ErrorResponses;
import dev.annals.server.internal.input.BadMessages;
import dev.annals.server.internal.input.BodyLimit;
import dev.annals.server.internal.input.UrlDecoding;
import dev.annals.server.internal.live.LiveRoutes;
import dev.annals.server.internal.ops.ConsoleRoutes;
import dev.annals.server.internal.ops.HealthRoutes;
import dev.annals.server.internal.ops.HttpsConnector;
import dev.annals.server.internal.ops.InFlightLimit;
import dev.annals.server.internal.ops.MetricsRoutes;
import dev.annals.server.internal.ops.OpenApiRoute;
import dev.annals.server.internal.projection.ProjectionRoutes;
import dev.annals.server.internal.relay.RelayRoutes;
import dev.annals.server.internal.state.StateRoutes;
import dev.annals.server.internal.stream.DeletionRoutes;
import dev.annals.server.internal.stream.StreamRoutes;
import dev.annals.store.EventStore;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Annals HTTP server: a JSON API over one {@link EventStore}, live subscriptions by Server-Sent
 * Events, health, Prometheus metrics and the OpenAPI document. The routes are listed in
 * {@code /openapi.json}. Closing the server does not close the store: its owner does.
 */
public final class AnnalsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnnalsServer.class);

    private final Javalin app;
    private final LiveRoutes live;
    private final ServerOptions options;

    private AnnalsServer(Javalin app, LiveRoutes live, ServerOptions options) {
        this.app = app;
        this.live = live;
        this.options = options;
    }

    /** A builder for a server over {@code store}: options, tokens, projections, entity types. */
    public static ServerBuilder builder(EventStore store) {
        return new ServerBuilder(store);
    }

    /**
     * Starts a server for {@code store} with no authentication.
     *
     * @throws IllegalArgumentException when {@code options} listen beyond loopback: authentication may be
     *                                  off only there
     */
    public static AnnalsServer start(EventStore store, ServerOptions options) {
        return builder(store).options(options).start();
    }

    /**
     * Starts a server for {@code store} that requires a bearer token from {@code tokens} on every API
     * request (health probes, metrics and the OpenAPI document excepted), on any address.
     */
    public static AnnalsServer start(EventStore store, ServerOptions options, TokenStore tokens) {
        return builder(store).options(options).tokens(tokens).start();
    }

    static AnnalsServer launch(
            EventStore store,
            ServerOptions options,
            String bindHost,
            RequestGate gate,
            Guard guard,
            Optional<ProjectionStates> projections,
            Optional<EntityTypes> entities,
            Optional<AuditTrail> audit,
            PrometheusMeterRegistry registry,
            RelayReports relays,
            Optional<Path> dataDirectory,
            DomainRoutes domain) {
        var live = new LiveRoutes(store, guard);
        var bodyLimit = new BodyLimit(options.maxBodyBytes());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            bodyLimit.configure(config);
            BadMessages.configure(config);
            config.useVirtualThreads = true;
            options.tls()
                    .ifPresent(keyStore ->
                            config.jetty.addConnector(new HttpsConnector(keyStore, bindHost, options.port())::create));
        });
        // First: a path or query that does not decode is refused before any handler reads it.
        UrlDecoding.install(app);
        new InFlightLimit(options.maxInFlight()).install(app);
        new MetricsRoutes(registry, store).install(app);
        ErrorResponses.install(app);
        bodyLimit.install(app);
        gate.install(app);
        new HealthRoutes(store).install(app);
        // Javalin tries a method's routes in the order they were added, a regular expression each: the API's
        // most frequent requests (append, read a stream) come right after health, before the console's files.
        new StreamRoutes(store, guard).install(app);
        OpenApiRoute.install(app);
        ConsoleRoutes.install(app);
        new DeletionRoutes(store, guard).install(app);
        new AuditRoutes(audit, guard).install(app);
        new DrillRoutes(dataDirectory, guard).install(app);
        live.install(app);
        new ProjectionRoutes(projections, guard).install(app);
        new RelayRoutes(relays, guard).install(app);
        new StateRoutes(store, entities, guard).install(app);
        new CorrelationRoutes(store, guard).install(app);
        new CommandRoutes(store, domain.commands(), guard).install(app);
        new QueryRoutes(domain.queries(), guard).install(app);
        // With HTTPS its connector is the only one; otherwise Javalin makes a plain one on host and port.
        app.start(bindHost, options.port());
        var server = new AnnalsServer(app, live, options);
        LOG.info("Annals server listening on {}", server.uri());
        return server;
    }

    /** The port the server listens on (the one picked when the options asked for 0). */
    public int port() {
        return app.port();
    }

    /** The server's base URI, such as {@code http://127.0.0.1:2113/}, or {@code https://…} when it serves TLS. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        String scheme = options.tls().isPresent() ? "https" : "http";
        return URI.create(scheme + "://" + host + ":" + port() + "/");
    }

    /** Stops listening and ends every live subscription; the store stays open. */
    @Override
    public void close() {
        live.close();
        app.stop();
    }
}
