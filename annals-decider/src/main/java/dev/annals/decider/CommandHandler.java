package dev.annals.decider;

import dev.annals.event.EventData;
import dev.annals.serialization.EventCodec;
import dev.annals.snapshot.Snapshots;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamName;
import dev.annals.store.WrongExpectedVersionException;
import dev.annals.subscription.PositionAwaiter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs commands against one entity type: load the stream, fold it, decide, append the events with the
 * loaded version as the expected version.
 *
 * <p>When another writer appended in between, the store refuses the append; the handler then reloads
 * and decides again, up to {@link RetryPolicy#maxAttempts()} times, so a decision is never written
 * over a state it did not see. A rejection writes nothing. Thread-safe: one handler may serve many
 * threads, and handlers on other machines may race on the same stream safely.
 *
 * <p>Commands given to one handler for the same stream run one at a time (as Axon's aggregate lock
 * does), so that they queue instead of racing each other to the store and retrying; commands for other
 * streams run in parallel, unless their streams share one of the handler's {@value #LOCK_STRIPES} lock
 * stripes. Other handlers, in this process or elsewhere, still race and retry.
 *
 * <p>A handler made by an {@link EntityType} handles only streams of its category, and refuses any other with
 * a {@link WrongCategoryException} before reading anything; one made with a constructor takes any stream.
 *
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public final class CommandHandler<C, S, E> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final int LOCK_STRIPES = 1024;

    private final EventStore store;
    private final Decider<C, S, E> decider;
    private final EventCodec<E> codec;
    private final StateLoader<S, E> loader;
    private final RetryPolicy retry;
    private final Optional<String> category;
    private final ReentrantLock[] streamLocks = lockStripes();

    /**
     * A handler appending to {@code store}, deciding with {@code decider}, storing events with {@code codec}
     * and retrying conflicts as {@code retry} says.
     */
    public CommandHandler(EventStore store, Decider<C, S, E> decider, EventCodec<E> codec, RetryPolicy retry) {
        this(store, decider, codec, retry, new StateLoader<>(store, decider, codec), Optional.empty());
    }

    /** A handler with the {@link RetryPolicy#defaults() default} retry policy. */
    public CommandHandler(EventStore store, Decider<C, S, E> decider, EventCodec<E> codec) {
        this(store, decider, codec, RetryPolicy.defaults());
    }

    /**
     * A handler that loads states from the newest valid snapshot in {@code snapshots} plus newer events,
     * saving snapshots as their policy says (see {@link StateLoader#StateLoader(dev.annals.store.EventReader,
     * Decider, EventCodec, Snapshots)}).
     */
    public CommandHandler(
            EventStore store,
            Decider<C, S, E> decider,
            EventCodec<E> codec,
            RetryPolicy retry,
            Snapshots<S> snapshots) {
        this(store, decider, codec, retry, new StateLoader<>(store, decider, codec, snapshots), Optional.empty());
    }

    /** The handler of an entity type, which checks that every stream is in {@code category}. */
    CommandHandler(
            EventStore store,
            Decider<C, S, E> decider,
            EventCodec<E> codec,
            RetryPolicy retry,
            StateLoader<S, E> loader,
            Optional<String> category) {
        this.store = requireNonNull(store, "store");
        this.decider = requireNonNull(decider, "decider");
        this.codec = requireNonNull(codec, "codec");
        this.retry = requireNonNull(retry, "retry");
        this.loader = requireNonNull(loader, "loader");
        this.category = requireNonNull(category, "category");
    }

    /** Handles {@code command} on {@code stream} with a new command id and no metadata. */
    public CommandOutcome<E> handle(String stream, C command) {
        return handle(stream, CommandMessage.of(command));
    }

    /**
     * Handles {@code message} on {@code stream}.
     *
     * @return accepted, with the stream's new version and global position, or rejected with a reason
     * @throws RetriesExhaustedException when every attempt lost a race with another writer
     * @throws WrongCategoryException    when the handler is an entity type's and {@code stream} is of another
     *                                   category
     */
    public CommandOutcome<E> handle(String stream, CommandMessage<C> message) {
        StreamName.validate(stream);
        requireNonNull(message, "message");
        if (category.isPresent() && !StreamName.categoryOf(stream).equals(category.get())) {
            throw new WrongCategoryException(stream, category.get());
        }
        var lock = streamLocks[Math.floorMod(stream.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return decideAndAppend(stream, message);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Handles {@code command} on {@code stream} and, when it is accepted, returns only once every one of
     * {@code readSides} (projection runners, say) has processed its position, so that the caller's next query
     * sees its own write. A rejection returns at once: it wrote nothing to wait for.
     *
     * @param timeout how long to wait in all, for every read side together
     * @throws RuntimeException the read side's error when {@code timeout} passed before it caught up (a
     *                          projection runner's {@code ProjectionLagException}, naming it, the position and its
     *                          lag); the command's events are written all the same
     */
    public CommandOutcome<E> handleAndAwait(String stream, C command, Duration timeout, PositionAwaiter... readSides) {
        return handleAndAwait(stream, CommandMessage.of(command), timeout, readSides);
    }

    /** As {@link #handleAndAwait(String, Object, Duration, PositionAwaiter...)}, for a message with metadata. */
    public CommandOutcome<E> handleAndAwait(
            String stream, CommandMessage<C> message, Duration timeout, PositionAwaiter... readSides) {
        requireNonNull(timeout, "timeout");
        var awaited = List.of(readSides);
        var outcome = handle(stream, message);
        if (outcome.accepted()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (PositionAwaiter readSide : awaited) {
                // One deadline for all: the caller gave one timeout, not one per read side.
                var left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                readSide.awaitPosition(outcome.position(), left);
            }
        }
        return outcome;
    }

    private static ReentrantLock[] lockStripes() {
        var stripes = new ReentrantLock[LOCK_STRIPES];
        Arrays.setAll(stripes, stripe -> new ReentrantLock());
        return stripes;
    }

    private CommandOutcome<E> decideAndAppend(String stream, CommandMessage<C> message) {
        WrongExpectedVersionException lastConflict = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            var loaded = loader.current(stream);
            switch (decider.decide(message.command(), loaded.state())) {
                case Decision.Rejected<E> rejected -> {
                    LOG.debug(
                            "command {} rejected on stream {} at version {}: {}",
                            message.commandId(),
                            stream,
                            loaded.version(),
                            rejected.reason());
                    return new CommandOutcome.Rejected<>(
                            stream, rejected.reason(), loaded.version(), loaded.position());
                }
                case Decision.Accepted<E> accepted -> {
                    try {
                        return append(stream, message, loaded, accepted.events(), attempt);
                    } catch (WrongExpectedVersionException conflict) {
                        LOG.debug(
                                "command {} on stream {} lost a race on attempt {}/{}: expected version {}, "
                                        + "actual {}; reloading",
                                message.commandId(),
                                stream,
                                attempt,
                                retry.maxAttempts(),
                                loaded.version(),
                                conflict.actualVersion());
                        lastConflict = conflict;
                    }
                }
            }
        }
        LOG.warn("command {} on stream {} gave up after {} attempts", message.commandId(), stream, retry.maxAttempts());
        throw new RetriesExhaustedException(stream, retry.maxAttempts(), lastConflict);
    }

    private CommandOutcome<E> append(
            String stream, CommandMessage<C> message, FoldedState<S> loaded, List<E> events, int attempt) {
        if (events.isEmpty()) {
            LOG.debug(
                    "command {} accepted on stream {} at version {} with no events",
                    message.commandId(),
                    stream,
                    loaded.version());
            return new CommandOutcome.Accepted<>(
                    stream, loaded.version(), loaded.position(), List.of(), List.of(), attempt);
        }
        var metadata = message.eventMetadata();
        List<EventData> data =
                events.stream().map(event -> codec.encode(event, metadata)).toList();
        AppendResult result = store.append(stream, ExpectedVersion.exact(loaded.version()), data);
        var ids = data.stream().map(EventData::eventId).toList();
        LOG.debug(
                "command {} accepted on stream {}: versions {}..{}, last position {}, event ids {}, attempt {}",
                message.commandId(),
                stream,
                loaded.version() + 1,
                result.streamVersion(),
                result.position(),
                ids,
                attempt);
        return new CommandOutcome.Accepted<>(stream, result.streamVersion(), result.position(), events, ids, attempt);
    }
}
