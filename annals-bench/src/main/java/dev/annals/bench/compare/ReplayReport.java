package dev.annals.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Presents the replay benchmark: events/s per system and the ratio to every other, as text or JSON. */
public final class ReplayReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayReport() {}

    /** A table, ending with a line break. */
    public static String table(List<ReplayOutcome> outcomes, long events) {
        requireNonNull(outcomes, "outcomes");
        var text = new StringBuilder(format("replay of the global stream from the start: %,d events%n", events));
        text.append(format("  %-18s %14s %10s  ratio of events/s to:", "system", "events/s", "seconds"));
        outcomes.forEach(peer -> text.append(format(" %10s", peer.system().replace("postgresql", "pg"))));
        text.append('\n');
        for (ReplayOutcome outcome : outcomes) {
            switch (outcome) {
                case ReplayOutcome.Measured measured -> {
                    text.append(format(
                            "  %-18s %,14.0f %10.3f  %21s",
                            measured.system(),
                            measured.eventsPerSecond(),
                            measured.elapsed().toNanos() / 1e9,
                            ""));
                    for (ReplayOutcome peer : outcomes) {
                        text.append(
                                peer instanceof ReplayOutcome.Measured other
                                        ? format(" %9.2fx", measured.eventsPerSecond() / other.eventsPerSecond())
                                        : format(" %10s", "-"));
                    }
                    text.append('\n');
                }
                case ReplayOutcome.Unavailable unavailable ->
                    text.append(format("  %-18s %s%n", unavailable.system(), unavailable.reason()));
            }
        }
        return text.toString();
    }

    /** One JSON object on one line. */
    public static String json(List<ReplayOutcome> outcomes, long events) {
        requireNonNull(outcomes, "outcomes");
        ObjectNode root =
                JSON.createObjectNode().put("benchmark", "compare-replay").put("events", events);
        var systems = root.putArray("systems");
        for (ReplayOutcome outcome : outcomes) {
            ObjectNode node = systems.addObject().put("system", outcome.system());
            switch (outcome) {
                case ReplayOutcome.Measured measured -> {
                    node.put("eventsRead", measured.events())
                            .put("seconds", measured.elapsed().toNanos() / 1e9)
                            .put("eventsPerSecond", Math.round(measured.eventsPerSecond()));
                    ObjectNode ratios = node.putObject("ratioOfEventsPerSecondTo");
                    for (ReplayOutcome peer : outcomes) {
                        if (peer instanceof ReplayOutcome.Measured other) {
                            ratios.put(
                                    other.system(),
                                    Math.round(100 * measured.eventsPerSecond() / other.eventsPerSecond()) / 100.0);
                        }
                    }
                }
                case ReplayOutcome.Unavailable unavailable -> node.put("unavailable", unavailable.reason());
            }
        }
        return root.toString();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
