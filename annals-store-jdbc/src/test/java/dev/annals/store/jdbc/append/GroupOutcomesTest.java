package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupOutcomesTest {

    private final List<String> completed = new CopyOnWriteArrayList<>();

    @Test
    void the_refused_appends_of_a_group_are_told_before_the_acknowledged_ones_each_in_the_groups_order() {
        var winner = append("winner", ExpectedVersion.exact(4), 1);
        var firstLoser = append("first-loser", ExpectedVersion.exact(4), 1);
        var other = append("other", ExpectedVersion.noStream(), 2);
        var secondLoser = append("second-loser", ExpectedVersion.exact(4), 1);
        var batch = List.of(winner, firstLoser, other, secondLoser);
        Object[] outcomes = {
            new AppendResult(5, 100),
            new VersionRefusal("first-loser", ExpectedVersion.exact(4), 5),
            new AppendResult(1, 102),
            new VersionRefusal("second-loser", ExpectedVersion.exact(4), 5)
        };

        int events = GroupOutcomes.complete(batch, outcomes);

        assertThat(completed).containsExactly("first-loser", "second-loser", "winner", "other");
        assertThat(events).isEqualTo(3);
        assertThat(winner.outcome()).isCompletedWithValue(new AppendResult(5, 100));
        assertThat(firstLoser.outcome()).isCompletedExceptionally();
    }

    private PendingAppend append(String stream, ExpectedVersion expected, int events) {
        var data = IntStream.range(0, events)
                .mapToObj(i -> EventData.of("Tested", "{}".getBytes(StandardCharsets.UTF_8), Metadata.empty()))
                .toList();
        var append = PendingAppend.of(stream, expected, data);
        append.outcome().whenComplete((result, failure) -> completed.add(stream));
        return append;
    }
}
