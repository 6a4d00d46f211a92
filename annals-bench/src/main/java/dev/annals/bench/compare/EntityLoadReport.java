package dev.annals.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Presents the entity-load benchmark: per entity size, each system's load time (p50, p99) and the ratio
 * of its median to every other system's (below 1: faster).
 */
public final class EntityLoadReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityLoadReport() {}

    /** A table per entity size, ending with a line break. */
    public static String table(List<EntityLoadOutcome> outcomes) {
        requireNonNull(outcomes, "outcomes");
        var text = new StringBuilder();
        for (var size : bySize(outcomes).entrySet()) {
            var peers = size.getValue();
            text.append(format("load and fold an entity of %,d events%n", size.getKey()));
            text.append(format("  %-18s %8s %10s %10s  ratio of p50 to:", "system", "loads", "p50 ms", "p99 ms"));
            peers.forEach(peer -> text.append(format(" %10s", peer.system().replace("postgresql", "pg"))));
            text.append('\n');
            for (EntityLoadOutcome outcome : peers) {
                switch (outcome) {
                    case EntityLoadOutcome.Measured measured -> {
                        text.append(format(
                                "  %-18s %8d %10.3f %10.3f  %16s",
                                measured.system(),
                                measured.loads(),
                                millis(measured.latency().p50()),
                                millis(measured.latency().p99()),
                                ""));
                        for (EntityLoadOutcome peer : peers) {
                            text.append(
                                    peer instanceof EntityLoadOutcome.Measured other
                                            ? format(
                                                    " %9.2fx",
                                                    millis(measured.latency().p50())
                                                            / millis(other.latency()
                                                                    .p50()))
                                            : format(" %10s", "-"));
                        }
                        text.append('\n');
                    }
                    case EntityLoadOutcome.Unavailable unavailable ->
                        text.append(format("  %-18s %s%n", unavailable.system(), unavailable.reason()));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** One JSON object on one line. */
    public static String json(List<EntityLoadOutcome> outcomes) {
        requireNonNull(outcomes, "outcomes");
        ObjectNode root = JSON.createObjectNode().put("benchmark", "compare-load");
        var entities = root.putArray("entities");
        for (var size : bySize(outcomes).entrySet()) {
            ObjectNode entity = entities.addObject().put("events", size.getKey());
            var systems = entity.putArray("systems");
            for (EntityLoadOutcome outcome : size.getValue()) {
                ObjectNode node = systems.addObject().put("system", outcome.system());
                switch (outcome) {
                    case EntityLoadOutcome.Measured measured ->
                        node.put("loads", measured.loads())
                                .put("p50Millis", millis(measured.latency().p50()))
                                .put("p99Millis", millis(measured.latency().p99()))
                                .put("maxMillis", millis(measured.latency().max()));
                    case EntityLoadOutcome.Unavailable unavailable -> node.put("unavailable", unavailable.reason());
                }
            }
        }
        return root.toString();
    }

    private static Map<Integer, List<EntityLoadOutcome>> bySize(List<EntityLoadOutcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(EntityLoadOutcome::events, TreeMap::new, Collectors.toList()));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
