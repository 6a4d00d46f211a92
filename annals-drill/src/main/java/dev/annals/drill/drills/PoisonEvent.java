package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.load.RunningLoad;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.RetrySchedule;
import dev.annals.projection.memory.InMemoryProjectionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code poison-event}: a projection's handler fails on an event. After its retries the event must land in
 * the dead-letter queue while the projection goes on past it (policy skip); then the handler is fixed and
 * the letter retried (what {@code annals dlq retry} asks), after which the read model must equal a clean
 * rebuild again. Recovery is the time from the fix to the letter resolved.
 *
 * <p>The projection's checkpoints and letters are kept in memory, in the drill's process: the drill proves
 * the runner's retry, park and redelivery, not a backend's tables (those have their own tests).
 */
public final class PoisonEvent implements Drill {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "poison-event";
    }

    @Override
    public String summary() {
        return "a handler fails on an event: dead letter after retries, the projection goes on, retry after the fix";
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        var load = RunningLoad.start(
                settings.backends().open(settings.location(), OpenOptions.defaults()), streamPrefix, settings.quick());
        return LoadSession.around(load, () -> {
            var readModel = new PoisonedBalances(streamPrefix, load.baseline());
            var states = new InMemoryProjectionStore();
            var options = ProjectionOptions.defaults()
                    .withRetry(new RetrySchedule(3, Duration.ofMillis(5), Duration.ofMillis(20), 0))
                    .withOnFailure(FailurePolicy.SKIP)
                    .withControlInterval(Duration.ofMillis(100));
            var runner = ProjectionRunner.start(
                    readModel.projection(), load.deployment().store(), states, options);
            load.addReadModel(readModel);
            var parked = new Object() {
                DeadLetter letter;
            };
            var session = new LoadSession(load, number -> {
                readModel.poisonNext();
                parked.letter = await(() -> states.deadLetters(Optional.of(PoisonedBalances.NAME)).stream()
                        .filter(letter -> letter.status() == DeadLetterStatus.PARKED)
                        .findFirst());
                readModel.fix();
                states.requestRetry(parked.letter.id());
                return "parked event " + parked.letter.eventId() + " (position " + parked.letter.position() + ") after "
                        + parked.letter.attempts() + " attempts; fixed and retried";
            });
            return session.closingFirst(runner, states)
                    .recoveringWhen(() -> await(() -> states.deadLetter(parked.letter.id())
                            .filter(letter -> letter.status() == DeadLetterStatus.RESOLVED)));
        });
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            var value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new DrillFailure("the poisoned event was not parked and resolved within " + LIMIT.toSeconds() + " s");
    }
}
