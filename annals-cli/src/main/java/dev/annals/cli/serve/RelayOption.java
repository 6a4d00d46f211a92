package dev.annals.cli.serve;

import dev.annals.cli.BadUsageException;
import dev.annals.cli.RejectedRequestException;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayConfigurationException;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.RelayStatus;
import dev.annals.projection.RelayReport;
import dev.annals.server.ServerBuilder;
import dev.annals.store.EventStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code annals serve --relay kafka=HOST:PORT}: the Kafka relay run inside the server, with its defaults. */
final class RelayOption {

    private static final String KAFKA = "kafka=";

    private RelayOption() {}

    /** The relay's options, or empty without {@code --relay}; a malformed value is bad usage. */
    static Optional<RelayOptions> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.startsWith(KAFKA)) {
            throw new BadUsageException("--relay must be kafka=HOST:PORT, was '" + value + "'");
        }
        try {
            return Optional.of(RelayOptions.to(value.substring(KAFKA.length())));
        } catch (RelayConfigurationException e) {
            throw new BadUsageException("--relay: " + e.getMessage());
        }
    }

    /**
     * Starts the relay when asked for, its gauges in the server's registry (so that the server's
     * {@code /metrics} shows them) and its status at the server's {@code GET /relays}; the result closes it
     * (and does nothing without one).
     */
    static Running start(Optional<RelayOptions> options, EventStore store, ServerBuilder server) {
        if (options.isEmpty()) {
            return () -> {};
        }
        try {
            var relay = KafkaRelay.start(store, options.get().withMeterRegistry(server.meterRegistry()));
            server.relays(() -> List.of(report(relay.status())));
            return relay::close;
        } catch (RelayConfigurationException e) {
            throw new RejectedRequestException(e.getMessage());
        }
    }

    private static RelayReport report(RelayStatus status) {
        return new RelayReport(
                status.name(),
                status.role().name().toLowerCase(Locale.ROOT),
                status.checkpoint(),
                status.head(),
                status.lagEvents(),
                status.lagSeconds(),
                status.publishedPerSecond(),
                status.published(),
                status.lastError(),
                status.measuredAt());
    }

    /** A relay running in the server, or nothing. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
