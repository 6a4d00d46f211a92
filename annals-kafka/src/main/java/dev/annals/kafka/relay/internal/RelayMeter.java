package dev.annals.kafka.relay.internal;

import dev.annals.kafka.relay.RelayRole;
import dev.annals.kafka.relay.RelayStatus;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relay's figures: what it has published, where its checkpoint is, how far behind the store's head it
 * is, and the {@code annals.relay.*} meters (tagged {@code relay=NAME}) that show them.
 */
public final class RelayMeter implements AutoCloseable {

    private final String name;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final List<Meter> meters = new ArrayList<>();
    private final Timer commits;
    private volatile RelayRole role = RelayRole.STARTING;
    private volatile long checkpoint;
    private volatile String lastError = "";
    private volatile RelayStatus last;
    private long rateFromCount;
    private long rateFromNanos = System.nanoTime();
    private double rate;

    public RelayMeter(String name, Clock clock, MeterRegistry registry) {
        this.name = name;
        this.clock = clock;
        this.registry = registry;
        this.last = new RelayStatus(name, role, 0, 0, 0, 0, 0, 0, "", clock.instant());
        // Checkpoint and lag in events as status() gives them: the live checkpoint against the last head measured,
        // so that a gauge read right after a commit agrees with the status read beside it.
        meters.add(Gauge.builder("annals.relay.checkpoint", this, meter -> meter.checkpoint)
                .tag("relay", name)
                .description("the last global position committed to Kafka")
                .register(registry));
        meters.add(Gauge.builder(
                        "annals.relay.lag.events", this, meter -> meter.status().lagEvents())
                .tag("relay", name)
                .description("positions between the relay's checkpoint and the store's head")
                .register(registry));
        meters.add(Gauge.builder("annals.relay.lag.seconds", this, meter -> meter.last.lagSeconds())
                .tag("relay", name)
                .description("how long the oldest unpublished event has waited")
                .register(registry));
        meters.add(Gauge.builder("annals.relay.publish.rate", this, meter -> meter.last.publishedPerSecond())
                .tag("relay", name)
                .baseUnit("events/s")
                .register(registry));
        meters.add(Gauge.builder("annals.relay.active", this, meter -> meter.role == RelayRole.ACTIVE ? 1 : 0)
                .tag("relay", name)
                .description("1 while this relay holds the transactional id and publishes")
                .register(registry));
        meters.add(FunctionCounter.builder("annals.relay.published", published, AtomicLong::get)
                .tag("relay", name)
                .register(registry));
        meters.add(FunctionCounter.builder("annals.relay.transactions", transactions, AtomicLong::get)
                .tag("relay", name)
                .description("Kafka transactions that published events or moved the checkpoint (not heartbeats)")
                .register(registry));
        commits = Timer.builder("annals.relay.commit")
                .tag("relay", name)
                .description("how long each commit of events took: the producer's flush of what the transaction"
                        + " sent, then the broker's acknowledgement of the commit; events that arrive meanwhile wait")
                .register(registry);
        meters.add(commits);
        meters.add(FunctionCounter.builder("annals.relay.failures", failures, AtomicLong::get)
                .tag("relay", name)
                .description("failed attempts to publish, each followed by a retry from the checkpoint")
                .register(registry));
    }

    public void role(RelayRole value) {
        role = value;
    }

    public void active(long resumedAt) {
        role = RelayRole.ACTIVE;
        checkpoint = resumedAt;
    }

    /** A commit of {@code events} events through position {@code through} that took {@code nanos}. */
    public void published(int events, long through, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        published.addAndGet(events);
        transactions.incrementAndGet();
        checkpoint = through;
    }

    public void failed(RelayRole newRole, String error) {
        failures.incrementAndGet();
        role = newRole;
        lastError = error;
    }

    /** Measures the lag against {@code reader} when the last measure is older than a second. */
    public void measureIfDue(EventReader reader) {
        if (Duration.between(last.measuredAt(), clock.instant()).compareTo(Duration.ofSeconds(1)) >= 0) {
            measure(reader);
        }
    }

    /** Measures the lag against {@code reader} now. */
    public synchronized RelayStatus measure(EventReader reader) {
        long head = reader.headPosition();
        long at = checkpoint;
        var now = clock.instant();
        double lagSeconds = 0;
        if (head > at) {
            // Limited to one event: the store would otherwise fetch and decode a whole page for findFirst.
            try (var next = reader.read(
                    ReadRequest.forward(new ReadSource.All()).from(at + 1).limit(1))) {
                lagSeconds = next.findFirst()
                        .map(event -> Math.max(
                                0, Duration.between(event.recordedAt(), now).toMillis() / 1000.0))
                        .orElse(0.0);
            }
        }
        long count = published.get();
        long nanos = System.nanoTime();
        if (nanos - rateFromNanos >= 1_000_000_000L) {
            rate = (count - rateFromCount) * 1e9 / (nanos - rateFromNanos);
            rateFromCount = count;
            rateFromNanos = nanos;
        }
        last = new RelayStatus(name, role, at, head, Math.max(0, head - at), lagSeconds, rate, count, lastError, now);
        return last;
    }

    /** The last measure, with the current role and error. */
    public RelayStatus status() {
        var seen = last;
        return new RelayStatus(
                name,
                role,
                checkpoint,
                seen.head(),
                Math.max(0, seen.head() - checkpoint),
                seen.lagSeconds(),
                seen.publishedPerSecond(),
                published.get(),
                lastError,
                seen.measuredAt());
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
