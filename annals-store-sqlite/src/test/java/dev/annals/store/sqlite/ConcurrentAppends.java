package dev.annals.store.sqlite;

import dev.annals.store.AppendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/** Appends started on threads of their own, to be awaited once they are all queued at the store. */
final class ConcurrentAppends {

    private final List<Thread> threads = new ArrayList<>();
    private final List<CompletableFuture<AppendResult>> outcomes = new ArrayList<>();

    /** Starts {@code append} on a new thread; its outcome is the future at the same index. */
    CompletableFuture<AppendResult> start(Supplier<AppendResult> append) {
        var outcome = new CompletableFuture<AppendResult>();
        threads.add(run(append, outcome));
        return outcome;
    }

    /**
     * Starts {@code append} on a new thread and waits until that thread waits for its outcome, that is until
     * its append is queued (with the writer busy): appends started this way one after another are queued, and
     * so written, in the order they were started, which {@link #start} leaves to the threads' race.
     */
    CompletableFuture<AppendResult> startQueued(Supplier<AppendResult> append) {
        var outcome = new CompletableFuture<AppendResult>();
        var thread = run(append, outcome);
        threads.add(thread);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> thread.getState() == Thread.State.WAITING
                        && Arrays.stream(thread.getStackTrace())
                                .anyMatch(frame -> frame.getClassName().endsWith(".PendingAppend")
                                        && frame.getMethodName().equals("await")));
        return outcome;
    }

    /**
     * Starts {@code append} on a new thread and waits until that thread is writing it: with nothing queued,
     * the store writes a lone append in its caller's thread, where whatever holds SQLite's write lock then
     * keeps it. Appends started afterwards queue behind it.
     */
    CompletableFuture<AppendResult> startWriting(Supplier<AppendResult> append) {
        var outcome = new CompletableFuture<AppendResult>();
        var thread = run(append, outcome);
        await().atMost(Duration.ofSeconds(5)).until(() -> Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith(".AppendWriter")
                        && frame.getMethodName().equals("write")));
        return outcome;
    }

    private Thread run(Supplier<AppendResult> append, CompletableFuture<AppendResult> outcome) {
        outcomes.add(outcome);
        return Thread.ofPlatform().start(() -> {
            try {
                outcome.complete(append.get());
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
    }

    /** Waits until every started thread has been parked waiting for its outcome for a while. */
    void awaitAllWaiting() {
        await().atMost(Duration.ofSeconds(5)).during(Duration.ofMillis(150)).until(() -> threads.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING));
    }

    /** Waits until every append has an outcome. */
    void awaitAllDone() {
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }
}
