package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.client.ApiErrorException;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A running server's audit trail over {@code POST /audit/verify}: the server checks its hash chain and seals
 * new events, and answers the report. A broken chain is a report, not an error. Needs an admin token.
 */
public final class ServerAuditTrail implements AuditTrail {

    private final Transport transport;
    private final String server;

    /** The audit trail behind {@code transport}; {@code server} names it for people. */
    public ServerAuditTrail(Transport transport, String server) {
        this.transport = requireNonNull(transport, "transport");
        this.server = requireNonNull(server, "server");
    }

    @Override
    public AuditReport verify() {
        try {
            return report(transport.post("audit/verify", new byte[0]));
        } catch (ApiErrorException e) {
            if (e.status() == 501 && e.code().equals("not_supported")) {
                throw new UnsupportedCapabilityException(server, "audit trail", "(it was started without one)");
            }
            throw e;
        }
    }

    /** The answer's fields; {@code firstBroken} and {@code problem} are there only when the chain is broken. */
    private static AuditReport report(JsonNode node) {
        JsonNode broken = node.path("firstBroken");
        return new AuditReport(
                node.path("verified").asLong(),
                node.path("sealed").asLong(),
                broken.isIntegralNumber() ? OptionalLong.of(broken.asLong()) : OptionalLong.empty(),
                node.path("problem").asText(""),
                node.path("headHash").asText(""),
                node.path("headPosition").asLong());
    }
}
