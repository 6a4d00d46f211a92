package dev.annals.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery on a store that applies each call as it comes (no transaction to roll back): a handler that still
 * fails leaves its letter parked with one more attempt, never resolved.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedeliveryTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryProjectionStore target = new InMemoryProjectionStore();
    private final AtomicBoolean healed = new AtomicBoolean();
    private final AtomicInteger handled = new AtomicInteger();

    private Projection<RecordedEvent> tally() {
        return Projection.<RecordedEvent>builder("tally")
                .source(new ReadSource.Category("tally"))
                .events(TallyEvent.CODEC)
                .on(TallyEvent.Refused.class, (event, recorded) -> {
                    if (!healed.get()) {
                        throw new IllegalStateException("refused: " + event.why());
                    }
                    handled.incrementAndGet();
                })
                .build();
    }

    @Test
    void a_letter_whose_handler_still_fails_stays_parked_and_one_that_succeeds_is_resolved_once() throws Exception {
        var refused = TallyEvent.refused("no");
        long position = store.append("tally-1", ExpectedVersion.any(), refused).position();
        var when = Instant.parse("2026-12-06T12:00:00Z");
        long id = target.transact(tx -> tx.park(new DeadLetter(
                0,
                "tally",
                position,
                refused.eventId(),
                "Refused",
                "refused: no",
                3,
                when,
                when,
                DeadLetterStatus.PARKED)));
        var redelivery = Redelivery.forWorker(tally(), store, target, Clock.systemUTC());

        target.requestRetry(id);
        redelivery.serveRequests(1);

        var failedAgain = target.deadLetter(id).orElseThrow();
        assertThat(failedAgain.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(failedAgain.attempts()).isEqualTo(4);
        assertThat(handled).hasValue(0);

        healed.set(true);
        target.requestRetry(id);
        redelivery.serveRequests(1);
        redelivery.serveRequests(1);

        assertThat(target.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(handled).hasValue(1);
    }
}
