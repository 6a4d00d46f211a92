package dev.annals.client;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Backend;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.client.internal.ServerAuditTrail;
import dev.annals.client.internal.ServerProjectionStates;
import dev.annals.client.internal.ServerRelayReports;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RelayReports;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A running Annals server as a {@link Backend}: {@code http://host:port} or {@code https://host:port}, with
 * the bearer token given in the options. The deployment offers what the server's HTTP API covers: the store
 * (an {@link AnnalsClient}, which deletes and truncates streams too), the projections' status, requests and
 * dead letters ({@link ProjectionStates}, without the runner-side checkpoints and reports) and the audit check
 * ({@link AuditTrail}). Snapshots, erasure keys, SQL read models and bulk export/import are not offered: a
 * command that needs them is told so, with {@link #LACKING}.
 */
public final class HttpBackend implements Backend {

    /** Why a capability is missing, after "the Annals server at ... has no ...". */
    static final String LACKING = "over HTTP (its API covers streams, deletion, projections, dead letters and the"
            + " audit check; run this on the server's own store instead)";

    @Override
    public String name() {
        return "HTTP";
    }

    @Override
    public String locationForms() {
        return "http://host:port or https://host:port (a running annals server; a token with --token)";
    }

    @Override
    public boolean accepts(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    @Override
    public Deployment open(String location, OpenOptions options) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed server address '" + location + "': " + e.getReason(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("server address '" + location + "' needs a host: http://host:port");
        }
        var builder = AnnalsClient.builder(uri);
        options.token().ifPresent(builder::token);
        AnnalsClient client = builder.build();
        String server = "the Annals server at " + client.baseUri();
        return Deployment.builder(server, client)
                .capability(ProjectionStates.class, () -> new ServerProjectionStates(client.transport(), server))
                .capability(AuditTrail.class, () -> new ServerAuditTrail(client.transport(), server))
                .capability(RelayReports.class, () -> new ServerRelayReports(client.transport()))
                .whenLacking(LACKING)
                .build();
    }
}
