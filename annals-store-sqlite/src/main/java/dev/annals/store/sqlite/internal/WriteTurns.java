package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns at the write lock of each store file open in this process, taken in arrival order by the store's
 * writer and by the read models written into the same file.
 *
 * <p>SQLite has one write lock per file and no queue: whoever is refused retries after a pause (the writer
 * in its busy handler, read models in {@code LockWaits}). Under a steady stream of appends the writer's next
 * group was often ready the moment its commit released the lock, and a read model that was pausing found the
 * lock taken again; it waited through several of the writer's transactions (each with its fsync) before it
 * got one in, and its events' lag grew by as much (docs/benchmarks.md, "Projections"). A fair Java lock
 * around each transaction makes them alternate: a read model waits for at most the transaction in progress.
 * Writers in other processes are not in the queue; SQLite's lock still orders them, with the pauses as
 * before.
 */
public final class WriteTurns {

    private static final Map<Path, Lock> OPEN = new ConcurrentHashMap<>();

    private WriteTurns() {}

    /** The turn of {@code file}'s writer, opened by it; the same lock for every caller until it closes. */
    static Lock open(Path file) {
        var turn = new ReentrantLock(true);
        OPEN.put(key(file), turn);
        return turn;
    }

    /** Forgets {@code file}'s turn when its writer stops (only if it is still {@code turn}). */
    static void close(Path file, Lock turn) {
        OPEN.remove(key(file), turn);
    }

    /** The turn to take before writing to {@code file}: empty when no store in this process has it open. */
    public static Optional<Lock> of(Path file) {
        return Optional.ofNullable(OPEN.get(key(file)));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
