package dev.annals.drill.load;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One acknowledged append: the store said it is durable, so it must be found exactly once, where it said.
 *
 * @param stream   the stream written
 * @param version  the stream version of the last event
 * @param position the global position of the last event
 * @param delta    the money it moved, in cents (positive in, negative out)
 * @param eventIds the events written, in order
 */
public record Ack(String stream, long version, long position, long delta, List<UUID> eventIds) {

    /** Validates. */
    public Ack {
        eventIds = List.copyOf(eventIds);
        if (eventIds.isEmpty()) {
            throw new IllegalArgumentException("an acknowledged append has at least one event");
        }
    }

    /** The line a writer process prints for it: {@code ACK stream version position delta id,id END}. */
    public String line() {
        return "ACK " + stream + " " + version + " " + position + " " + delta + " "
                + eventIds.stream().map(UUID::toString).collect(Collectors.joining(",")) + " END";
    }

    /**
     * The ack a writer process printed, or null when the line is not a whole ack (a kill can cut the last one
     * short: it was never read as acknowledged, so it is not one).
     */
    public static Ack parse(String line) {
        var parts = line.split(" ");
        if (parts.length != 7 || !parts[0].equals("ACK") || !parts[6].equals("END")) {
            return null;
        }
        return new Ack(
                parts[1],
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseLong(parts[4]),
                Arrays.stream(parts[5].split(",")).map(UUID::fromString).toList());
    }
}
