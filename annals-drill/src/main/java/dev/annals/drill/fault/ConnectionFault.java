package dev.annals.drill.fault;

/** What the {@link FaultProxy} does to the connections through it. */
public enum ConnectionFault {
    /** Nothing: bytes pass both ways. */
    NONE,
    /** Closes every open connection (a clean FIN) and every new one at once. */
    DROP,
    /** Holds the bytes of every connection, both ways, and lets them through when the fault ends. */
    STALL,
    /** Lets bytes through late (50 ms per chunk) and slowly (64 KiB/s per direction). */
    SLOW,
    /**
     * Half-open: the server's side is gone but the application's socket stays open; what it sends is
     * swallowed and nothing comes back. When the fault ends these connections are reset, as a keep-alive
     * probe would eventually find them.
     */
    HALF_OPEN,
    /** Resets every open connection (TCP RST) and every new one at once. */
    RESET
}
