package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PendingAppendTest {

    @Test
    void a_writers_version_refusal_reaches_the_caller_as_its_own_wrong_expected_version_exception()
            throws InterruptedException {
        var append = PendingAppend.of(
                "order-7",
                ExpectedVersion.exact(3),
                List.of(EventData.of("Placed", "{}".getBytes(StandardCharsets.UTF_8), Metadata.empty())));
        var refusal = new VersionRefusal("order-7", ExpectedVersion.exact(3), 5);
        var told = new CountDownLatch(1);
        Thread.ofPlatform().name("writer-under-test").start(() -> {
            append.refuse(refusal);
            told.countDown();
        });
        assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();

        var refused = catchThrowableOfType(WrongExpectedVersionException.class, append::await);

        assertThat(refused.stream()).isEqualTo("order-7");
        assertThat(refused.expected()).isEqualTo(ExpectedVersion.exact(3));
        assertThat(refused.actualVersion()).isEqualTo(5);
        assertThat(refused.getMessage())
                .isEqualTo("wrong expected version for stream 'order-7': expected " + ExpectedVersion.exact(3)
                        + ", actual 5")
                .isEqualTo(refusal.getMessage());
        // Made in the caller's thread: its stack trace shows where the caller appended.
        assertThat(Arrays.stream(refused.getStackTrace()).map(StackTraceElement::getMethodName))
                .contains("a_writers_version_refusal_reaches_the_caller_as_its_own_wrong_expected_version_exception");
        // The writer's refusal carries no stack trace of its own: building one per lost race was the writer's time.
        assertThat(refusal.getStackTrace()).isEmpty();
    }

    @Test
    void a_refusal_of_a_stream_that_does_not_exist_says_so() {
        var refusal = new VersionRefusal("order-8", ExpectedVersion.exact(0), StreamInfo.NO_STREAM);

        assertThat(refusal.toException().getMessage())
                .isEqualTo("wrong expected version for stream 'order-8': expected " + ExpectedVersion.exact(0)
                        + ", actual no stream");
    }
}
