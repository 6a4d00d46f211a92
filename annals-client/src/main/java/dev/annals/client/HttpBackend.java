package dev.annals.client;

import dev.annals.backend.Backend;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A running Annals server as a {@link Backend}: {@code http://host:port} or {@code https://host:port}, with
 * the bearer token given in the options. The deployment's store is an {@link AnnalsClient}; what the
 * server keeps beside the events (projections, the audit trail) is reached through its own routes.
 */
public final class HttpBackend implements Backend {

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
        return Deployment.builder("the Annals server at " + client.baseUri(), client).build();
    }
}
