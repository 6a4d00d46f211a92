package dev.annals.store;

/**
 * Limits every store enforces on appends.
 *
 * @param maxEventBytes the most bytes one event's payload and metadata may take together; default 1 MiB
 */
public record AppendLimits(int maxEventBytes) {

    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    public AppendLimits {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be 1 or more, was " + maxEventBytes);
        }
    }

    public static AppendLimits defaults() {
        return new AppendLimits(DEFAULT_MAX_EVENT_BYTES);
    }
}
