package dev.annals.client.internal;

import dev.annals.projection.RelayReport;
import dev.annals.projection.RelayReports;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The relays a running server runs beside itself, from {@code GET /relays}. Thread-safe. */
public final class ServerRelayReports implements RelayReports {

    private final Transport transport;

    public ServerRelayReports(Transport transport) {
        this.transport = requireNonNull(transport, "transport");
    }

    @Override
    public List<RelayReport> relays() {
        var reports = new ArrayList<RelayReport>();
        transport.get("relays").path("relays").forEach(node -> reports.add(ProjectionJson.relay(node)));
        return List.copyOf(reports);
    }
}
