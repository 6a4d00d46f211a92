package dev.annals.server;

import dev.annals.audit.AuditTrail;
import dev.annals.decider.EntityTypes;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RelayReports;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.command.CommandRegistry;
import dev.annals.server.command.ReadModelQuery;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.auth.RequestGate;
import dev.annals.server.internal.auth.TokenGuard;
import dev.annals.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What an {@link AnnalsServer} serves beyond the event store: tokens, projections, entity types.
 * Without tokens the server refuses to listen beyond loopback.
 */
public final class ServerBuilder {

    private final EventStore store;
    private ServerOptions options = ServerOptions.defaults();
    private Optional<TokenStore> tokens = Optional.empty();
    private Optional<ProjectionStates> projections = Optional.empty();
    private Optional<EntityTypes> entities = Optional.empty();
    private CommandRegistry commands = CommandRegistry.empty();
    private Optional<AuditTrail> audit = Optional.empty();
    private Optional<Path> dataDirectory = Optional.empty();
    private final Map<String, ReadModelQuery> queries = new LinkedHashMap<>();
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private RelayReports relays = RelayReports.none();

    ServerBuilder(EventStore store) {
        this.store = requireNonNull(store, "store");
    }

    public ServerBuilder options(ServerOptions newOptions) {
        this.options = requireNonNull(newOptions, "options");
        return this;
    }

    /** Requires a bearer token from {@code tokenStore} on every API request. */
    public ServerBuilder tokens(TokenStore tokenStore) {
        this.tokens = Optional.of(requireNonNull(tokenStore, "tokens"));
        return this;
    }

    /** Serves the status of these projections and their dead letters, and takes control requests. */
    public ServerBuilder projections(ProjectionStates states) {
        this.projections = Optional.of(requireNonNull(states, "projections"));
        return this;
    }

    /** Serves the state of entities of these types, now or at a point in their history. */
    public ServerBuilder entities(EntityTypes types) {
        this.entities = Optional.of(requireNonNull(types, "entities"));
        return this;
    }

    /** Takes these commands at {@code POST /commands/{name}/{stream}} (none by default). */
    public ServerBuilder commands(CommandRegistry registry) {
        this.commands = requireNonNull(registry, "commands");
        return this;
    }

    /**
     * Answers {@code GET /queries/{name}} with {@code query}.
     *
     * @throws IllegalArgumentException when a query of that name was added already
     */
    public ServerBuilder query(String name, ReadModelQuery query) {
        requireNonNull(name, "name");
        requireNonNull(query, "query");
        if (queries.putIfAbsent(name, query) != null) {
            throw new IllegalArgumentException("query '" + name + "' is added already");
        }
        return this;
    }

    /** Answers {@code POST /audit/verify} (admin) with {@code trail}'s report, the store's integrity check. */
    public ServerBuilder audit(AuditTrail trail) {
        this.audit = Optional.of(requireNonNull(trail, "audit"));
        return this;
    }

    /**
     * The registry whose meters {@code /metrics} serves: register here the meters of what runs beside
     * the server (such as a relay), so that one scrape shows them with the server's own.
     */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** Answers {@code GET /relays} (and the console's relay table) with what {@code reports} gives then. */
    public ServerBuilder relays(RelayReports reports) {
        this.relays = requireNonNull(reports, "relays");
        return this;
    }

    /**
     * Answers {@code GET /drills/last} with the report {@code annals drill} left in {@code directory}, the
     * deployment's data directory (its {@link dev.annals.backend.DataDirectory}); without it, always 404.
     */
    public ServerBuilder dataDirectory(Path directory) {
        this.dataDirectory = Optional.of(requireNonNull(directory, "dataDirectory"));
        return this;
    }

    /**
     * Lets pages of {@code origin} (such as {@code https://console.example:8443}) send state-changing
     * requests: a front end served elsewhere than by this server. Without it, a POST, PUT, PATCH or DELETE
     * whose {@code Origin} is another than the server's own is refused with 403; requests without
     * {@code Origin} (curl, the Java client) are never refused for it.
     *
     * @throws IllegalArgumentException when {@code origin} is not {@code http(s)://host[:port]}
     */
    public ServerBuilder allowOrigin(String origin) {
        allowedOrigins.add(AllowedOrigin.parse(requireNonNull(origin, "origin")));
        return this;
    }

    /**
     * Starts listening. Without tokens, the server binds the loopback address its host resolves to, and
     * answers only requests whose {@code Host} is one of its loopback names.
     *
     * @throws IllegalArgumentException when no tokens were given and the options listen beyond loopback
     */
    public AnnalsServer start() {
        Guard guard = tokens.<Guard>map(TokenGuard::new).orElse(Guard.OPEN);
        String bindHost = options.host();
        Optional<Set<String>> hostNames = Optional.empty();
        if (tokens.isEmpty()) {
            bindHost = options.loopbackAddress()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "authentication may be off only on loopback, but the server would listen on "
                                    + options.host() + ", which is not only loopback addresses: give it a token store"))
                    .getHostAddress();
            hostNames = Optional.of(loopbackNames());
        }
        var gate = new RequestGate(guard, allowedOrigins, hostNames);
        return AnnalsServer.launch(
                store,
                options,
                bindHost,
                gate,
                guard,
                projections,
                entities,
                audit,
                registry,
                relays,
                dataDirectory,
                new DomainRoutes(commands, Map.copyOf(queries)));
    }

    private Set<String> loopbackNames() {
        String host = options.host().toLowerCase(Locale.ROOT);
        return Stream.of(
                        "localhost",
                        "127.0.0.1",
                        "[::1]",
                        host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .collect(Collectors.toUnmodifiableSet());
    }
}
