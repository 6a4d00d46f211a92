package dev.annals.cli.projections;

import dev.annals.projection.RelayReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The relays of {@code annals projections}: those a server runs, with its live figures, when the store is one
 * ({@code --store http://...}), and those whose checkpoints a Kafka checkpoint topic holds, with
 * {@code --bootstrap-servers} ({@link KafkaRelays}).
 */
final class RelayTable {

    private RelayTable() {}

    static void print(PrintWriter out, List<RelayReport> all) {
        if (all.isEmpty()) {
            return;
        }
        out.println();
        out.printf(
                "%-20s %-10s %10s %10s %12s %10s  %s%n",
                "RELAY", "ROLE", "CHECKPOINT", "BEHIND", "SECONDS", "EVENTS/S", "PUBLISHED");
        for (RelayReport relay : all) {
            out.printf(
                    "%-20s %-10s %10d %10d %12.3f %10.1f  %d%n",
                    relay.name(),
                    relay.role().toUpperCase(Locale.ROOT),
                    relay.checkpoint(),
                    relay.eventsBehind(),
                    relay.secondsBehind(),
                    relay.publishedPerSecond(),
                    relay.published());
            if (!relay.error().isEmpty()) {
                out.printf("  error: %s%n", relay.error());
            }
        }
    }
}
