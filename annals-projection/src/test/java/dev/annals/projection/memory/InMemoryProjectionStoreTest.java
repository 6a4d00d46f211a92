package dev.annals.projection.memory;

import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryProjectionStoreTest {

    private static final Instant WHEN = Instant.parse("2026-12-06T13:00:00Z");

    private final InMemoryProjectionStore store = new InMemoryProjectionStore();

    private static DeadLetter letter(long position) {
        return new DeadLetter(
                0, "tally", position, UUID.randomUUID(), "Added", "refused", 3, WHEN, WHEN, DeadLetterStatus.PARKED);
    }

    @Test
    void a_unit_of_work_that_fails_leaves_checkpoints_letters_and_the_live_version_as_they_were() throws Exception {
        long parked = store.transact(tx -> {
            tx.saveCheckpoint("tally", 7);
            return tx.park(letter(3));
        });
        store.requestRetry(parked);

        assertThatThrownBy(() -> store.transact(tx -> {
                    tx.saveCheckpoint("tally", 9);
                    tx.saveCheckpoint("tally@2", 4);
                    tx.updateDeadLetter(store.deadLetter(parked).orElseThrow().withStatus(DeadLetterStatus.RESOLVED));
                    tx.park(letter(8));
                    tx.promote("tally", 2, 1);
                    throw new IllegalStateException("handler failed");
                }))
                .hasMessage("handler failed");

        assertThat(store.checkpoint("tally")).isEqualTo(7);
        assertThat(store.checkpoint("tally@2")).isZero();
        assertThat(store.deadLetters(Optional.empty())).singleElement().satisfies(kept -> assertThat(kept.status())
                .isEqualTo(DeadLetterStatus.RETRY_REQUESTED));
        assertThat(store.control("tally").liveVersion()).isEqualTo(1);
        long next = store.transact(tx -> tx.park(letter(8)));
        assertThat(next)
                .as("the failed unit of work's letter id is given again")
                .isEqualTo(parked + 1);
    }
}
