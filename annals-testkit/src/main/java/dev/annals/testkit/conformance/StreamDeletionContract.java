package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.DeletionMode;
import dev.annals.store.Direction;
import dev.annals.store.InvalidTruncationException;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamNotFoundException;
import dev.annals.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.store.ExpectedVersion.exact;
import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.store.ExpectedVersion.streamExists;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Soft and hard deletion and truncation of streams ({@link StreamDeletion}): they hide events from reads
 * of the stream by version, never from reads by global position, and keep versions moving forward.
 */
abstract class StreamDeletionContract extends StoreContract {

    /** account-1 holds versions 0 to 3 at positions 1, 2, 4, 5; account-2 holds one event at position 3. */
    @BeforeEach
    final void appendTwoStreams() {
        store.append("account-1", noStream(), events(2, "A"));
        store.append("account-2", noStream(), event("B"));
        store.append("account-1", exact(1), events(2, "A"));
    }

    StreamDeletion deletion() {
        var deletion = store.capability(StreamDeletion.class);
        assertThat(deletion)
                .as("every backend deletes and truncates streams, decorated or not")
                .isPresent();
        return deletion.get();
    }

    @Test
    void a_soft_deleted_stream_reads_as_empty_and_leaves_the_list_of_streams() {
        var result = deletion().deleteStream("account-1", DeletionMode.SOFT);

        assertThat(result).isEqualTo(new StreamDeletionResult("account-1", 3, 4, 4));
        assertThat(stream("account-1")).isEmpty();
        assertThat(stream("account-1", Direction.BACKWARD, ReadRequest.END, ReadRequest.NO_LIMIT))
                .isEmpty();
        assertThat(streams()).extracting(StreamInfo::stream).containsExactly("account-2");
    }

    @Test
    void deletion_and_truncation_keep_every_event_in_global_reads() {
        var before = all();

        deletion().truncateStream("account-2", 1);
        deletion().deleteStream("account-1", DeletionMode.HARD);

        assertThat(all()).isEqualTo(before);
        assertThat(store.headPosition()).isEqualTo(5);
        try (var category = store.readCategory("account", 0)) {
            assertThat(category.map(RecordedEvent::position).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void a_soft_deleted_stream_is_recreated_by_an_append_and_its_versions_continue() {
        deletion().deleteStream("account-1", DeletionMode.SOFT);

        var result = store.append("account-1", noStream(), events(2, "A"));

        assertThat(result.streamVersion()).isEqualTo(5);
        assertThat(stream("account-1")).extracting(RecordedEvent::streamVersion).containsExactly(4L, 5L);
        assertThat(streams()).contains(new StreamInfo("account-1", 5, 7));
        assertThat(store.append("account-1", exact(5), event("A")).streamVersion())
                .isEqualTo(6);
    }

    @Test
    void a_soft_deleted_stream_counts_as_no_stream_for_expected_versions() {
        deletion().deleteStream("account-1", DeletionMode.SOFT);

        assertThatThrownBy(() -> store.append("account-1", exact(3), event("A")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                        .isEqualTo(StreamInfo.NO_STREAM));
        assertThatThrownBy(() -> store.append("account-1", streamExists(), event("A")))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store.append("account-1", any(), event("A")).streamVersion()).isEqualTo(4);
    }

    @Test
    void a_hard_deleted_stream_refuses_every_append_and_writes_nothing() {
        deletion().deleteStream("account-1", DeletionMode.HARD);
        var before = state();

        for (var expected : new dev.annals.store.ExpectedVersion[] {any(), noStream(), exact(3), streamExists()}) {
            assertThatThrownBy(() -> store.append("account-1", expected, event("A")))
                    .isInstanceOfSatisfying(StreamDeletedException.class, e -> assertThat(e.stream())
                            .isEqualTo("account-1"))
                    .hasMessageContaining("account-1");
        }
        assertUnchangedSince(before);
        assertThat(stream("account-1")).isEmpty();
    }

    @Test
    void a_tombstone_is_final_while_a_soft_delete_can_become_one() {
        deletion().deleteStream("account-1", DeletionMode.SOFT);
        var hard = deletion().deleteStream("account-1", DeletionMode.HARD);

        assertThat(hard.eventsHidden()).isZero();
        assertThatThrownBy(() -> deletion().deleteStream("account-1", DeletionMode.SOFT))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> deletion().truncateStream("account-1", 1)).isInstanceOf(StreamDeletedException.class);
        assertThat(deletion().deleteStream("account-1", DeletionMode.HARD).eventsHidden())
                .isZero();
    }

    @Test
    void truncation_starts_stream_reads_at_the_version_and_keeps_the_stream_writable() {
        var result = deletion().truncateStream("account-1", 2);

        assertThat(result).isEqualTo(new StreamDeletionResult("account-1", 3, 2, 2));
        assertThat(stream("account-1")).extracting(RecordedEvent::streamVersion).containsExactly(2L, 3L);
        assertThat(stream("account-1", Direction.BACKWARD, ReadRequest.END, ReadRequest.NO_LIMIT))
                .extracting(RecordedEvent::streamVersion)
                .containsExactly(3L, 2L);
        assertThat(stream("account-1", Direction.FORWARD, 0, 1))
                .extracting(RecordedEvent::streamVersion)
                .containsExactly(2L);
        assertThat(streams()).contains(new StreamInfo("account-1", 3, 5));
        assertThat(store.append("account-1", exact(3), event("A")).streamVersion())
                .isEqualTo(4);
    }

    @Test
    void truncation_only_ever_hides_more() {
        deletion().truncateStream("account-1", 3);

        var again = deletion().truncateStream("account-1", 1);

        assertThat(again).isEqualTo(new StreamDeletionResult("account-1", 3, 3, 0));
        assertThat(stream("account-1")).extracting(RecordedEvent::streamVersion).containsExactly(3L);
    }

    @Test
    void truncation_past_the_end_of_the_stream_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> deletion().truncateStream("account-1", 5))
                .isInstanceOfSatisfying(InvalidTruncationException.class, e -> {
                    assertThat(e.beforeVersion()).isEqualTo(5);
                    assertThat(e.lastVersion()).isEqualTo(3);
                });
        assertThat(stream("account-1")).hasSize(4);
        assertThat(deletion().truncateStream("account-1", 4).eventsHidden()).isEqualTo(4);
    }

    @Test
    void deleting_or_truncating_an_unknown_stream_is_refused() {
        assertThatThrownBy(() -> deletion().deleteStream("account-9", DeletionMode.SOFT))
                .isInstanceOfSatisfying(StreamNotFoundException.class, e -> assertThat(e.stream())
                        .isEqualTo("account-9"));
        assertThatThrownBy(() -> deletion().deleteStream("account-9", DeletionMode.HARD))
                .isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> deletion().truncateStream("account-9", 0)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void deleting_a_deleted_stream_again_hides_nothing_more() {
        deletion().deleteStream("account-1", DeletionMode.SOFT);

        assertThat(deletion().deleteStream("account-1", DeletionMode.SOFT).eventsHidden())
                .isZero();
        assertThatThrownBy(() -> deletion().truncateStream("account-1", 1)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void a_hard_delete_is_ordered_with_appends_racing_on_the_stream() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var appends = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 100; i++) {
                appends.add(pool.submit(() -> {
                    try {
                        store.append("account-1", any(), event("A"));
                        return true;
                    } catch (StreamDeletedException refused) {
                        return false;
                    }
                }));
                if (i == 50) {
                    deletion().deleteStream("account-1", DeletionMode.HARD);
                }
            }
            long written = 0;
            for (var append : appends) {
                written += append.get() ? 1 : 0;
            }
            var again = deletion().deleteStream("account-1", DeletionMode.HARD);

            // Every append that succeeded is in the log and under the tombstone; every later one was refused.
            assertThat(all()).hasSize((int) (5 + written));
            assertThat(again.lastVersion()).isEqualTo(3 + written);
            assertThat(again.eventsHidden()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
