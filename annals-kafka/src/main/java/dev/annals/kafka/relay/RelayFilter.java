package dev.annals.kafka.relay;

import dev.annals.event.RecordedEvent;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which events of {@code $all} the relay publishes: those of the given categories and of the given event
 * types. An empty set places no condition, so {@link #everything()} publishes every event.
 *
 * <p>Events left out still move the relay's checkpoint: they are passed over, not waited for.
 *
 * @param categories stream categories to publish; empty for all
 * @param eventTypes event type names to publish; empty for all
 */
public record RelayFilter(Set<String> categories, Set<String> eventTypes) {

    public RelayFilter {
        categories = Set.copyOf(requireNonNull(categories, "categories"));
        eventTypes = Set.copyOf(requireNonNull(eventTypes, "eventTypes"));
    }

    /** Every event of the store. */
    public static RelayFilter everything() {
        return new RelayFilter(Set.of(), Set.of());
    }

    /** True when {@code event} is to be published. */
    public boolean accepts(RecordedEvent event) {
        return (categories.isEmpty() || categories.contains(event.category()))
                && (eventTypes.isEmpty() || eventTypes.contains(event.type()));
    }

    @Override
    public String toString() {
        if (categories.isEmpty() && eventTypes.isEmpty()) {
            return "$all";
        }
        return "$all where category in " + categories + " and type in " + eventTypes;
    }
}
