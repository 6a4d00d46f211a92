package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which appends of a hot stream join the next group, and how a stream becomes hot (ADR 0051). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HotStreamTurnsTest {

    private final HotStreamTurns turns = new HotStreamTurns();
    private final List<PendingAppend> now = new ArrayList<>();
    private final List<PendingAppend> later = new ArrayList<>();
    private final Map<String, Thread> callers = new HashMap<>();

    @Test
    void while_no_stream_is_hot_every_append_joins_the_group_up_to_its_size() {
        var waiting = List.of(exact("cart-1", 3), exact("cart-1", 3), exact("cart-1", 3), any("cart-2"));

        turns.choose(waiting, 3, now, later);

        assertThat(turns.lastSeen("cart-1")).isNull();
        assertThat(now).containsExactlyElementsOf(waiting.subList(0, 3));
        assertThat(later).containsExactly(waiting.get(3));
    }

    @Test
    void a_stream_becomes_hot_when_a_group_refuses_an_append_to_it_for_its_version() {
        var winner = exact("cart-1", 3);
        var loser = exact("cart-1", 3);
        var elsewhere = exact("cart-2", 0);
        winner.acknowledge(new AppendResult(4, 10));
        loser.refuse(new VersionRefusal("cart-1", loser.expected(), 4));
        elsewhere.acknowledge(new AppendResult(1, 11));

        turns.learn(List.of(winner, loser, elsewhere));

        assertThat(turns.lastSeen("cart-1")).isEqualTo(4);
        assertThat(turns.lastSeen("cart-2")).as("never refused: not hot").isNull();
    }

    @Test
    void a_hot_stream_gives_a_group_its_likely_winner_and_behind_it_its_next_in_line_and_holds_the_rest_back() {
        makeHot("cart-1", 4);
        var stale1 = exact("cart-1", 3);
        var stale2 = exact("cart-1", 3);
        var fresh1 = exact("cart-1", 4);
        var stale3 = exact("cart-1", 2);
        var fresh2 = exact("cart-1", 4);
        var waiting = List.of(stale1, stale2, fresh1, stale3, fresh2);

        turns.choose(waiting, 100, now, later);

        assertThat(now)
                .as("the oldest expecting the version seen, then the oldest waiting (next in line)")
                .containsExactly(fresh1, stale1);
        assertThat(later).containsExactly(stale2, stale3, fresh2);
    }

    @Test
    void without_a_likely_winner_a_hot_stream_still_gives_the_group_its_oldest_append() {
        makeHot("cart-1", 4);
        var stale1 = exact("cart-1", 3);
        var stale2 = exact("cart-1", 3);

        turns.choose(List.of(stale1, stale2), 100, now, later);

        assertThat(now).containsExactly(stale1);
        assertThat(later).containsExactly(stale2);
    }

    @Test
    void appends_that_cannot_conflict_and_appends_to_other_streams_are_never_held_back() {
        makeHot("cart-1", 4);
        var racers = List.of(exact("cart-1", 4), exact("cart-1", 4), exact("cart-1", 4));
        var anyVersion = any("cart-1");
        var exists = PendingAppend.of("cart-1", ExpectedVersion.streamExists(), events());
        var cold1 = exact("cart-2", 0);
        var cold2 = exact("cart-2", 0);
        var waiting = List.of(racers.get(0), racers.get(1), anyVersion, racers.get(2), exists, cold1, cold2);

        turns.choose(waiting, 100, now, later);

        assertThat(now).containsExactly(racers.get(0), anyVersion, exists, cold1, cold2, racers.get(1));
        assertThat(later).containsExactly(racers.get(2));
    }

    @Test
    void an_acknowledged_append_moves_a_hot_streams_version_seen() {
        makeHot("cart-1", 4);
        var next = exact("cart-1", 4);
        next.acknowledge(new AppendResult(6, 20));

        turns.learn(List.of(next));

        assertThat(turns.lastSeen("cart-1")).isEqualTo(6);
    }

    @Test
    void the_caller_that_won_a_hot_streams_last_turn_waits_while_another_callers_retry_takes_it() {
        makeHot("cart-1", 4);
        var winner = exactBy("winner", "cart-1", 4);
        winner.acknowledge(new AppendResult(5, 30));
        turns.learn(List.of(winner));
        var waitingInLine = exact("cart-1", 3);
        var winnersNext = exactBy("winner", "cart-1", 5);
        var othersRetry = exactBy("other", "cart-1", 5);

        turns.choose(List.of(waitingInLine, winnersNext, othersRetry), 100, now, later);

        assertThat(now).containsExactly(othersRetry, waitingInLine);
        assertThat(later).containsExactly(winnersNext);
    }

    @Test
    void racers_for_a_stream_not_yet_created_take_turns_once_it_is_hot() {
        makeHot("cart-9", -1);
        var first = PendingAppend.of("cart-9", ExpectedVersion.noStream(), events());
        var second = PendingAppend.of("cart-9", ExpectedVersion.noStream(), events());
        var third = PendingAppend.of("cart-9", ExpectedVersion.noStream(), events());

        turns.choose(List.of(first, second, third), 100, now, later);

        assertThat(now).containsExactly(first, second);
        assertThat(later).containsExactly(third);
    }

    private void makeHot(String stream, long version) {
        var refused = exact(stream, version + 5);
        refused.refuse(new VersionRefusal(stream, refused.expected(), version));
        turns.learn(List.of(refused));
        assertThat(turns.lastSeen(stream)).isEqualTo(version);
    }

    /** An append of the caller {@code caller} names: the same thread each time for the same name. */
    private PendingAppend exactBy(String caller, String stream, long version) {
        var thread = callers.computeIfAbsent(
                caller, name -> Thread.ofPlatform().name(name).unstarted(() -> {}));
        return new PendingAppend(
                stream, ExpectedVersion.exact(version), events(), Optional.empty(), new CompletableFuture<>(), thread);
    }

    private static PendingAppend exact(String stream, long version) {
        return PendingAppend.of(stream, ExpectedVersion.exact(version), events());
    }

    private static PendingAppend any(String stream) {
        return PendingAppend.of(stream, ExpectedVersion.any(), events());
    }

    private static List<EventData> events() {
        return List.of(EventData.of("ItemAdded", "{}"));
    }
}
