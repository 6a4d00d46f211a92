package dev.annals.drill.check;

import java.util.List;
import java.util.UUID;

/** What a live subscriber received, as the checker compares it with the log. */
public interface SubscriberLog {

    /** The ids of the drill's events it received from index {@code from} on, in the order received. */
    List<Received> receivedSince(int from);

    /**
     * One delivery.
     *
     * @param position its global position
     * @param eventId  the event
     */
    record Received(long position, UUID eventId) {}
}
