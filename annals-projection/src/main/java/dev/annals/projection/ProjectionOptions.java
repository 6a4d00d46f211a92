package dev.annals.projection;

import dev.annals.subscription.SubscriptionOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a projection runner, checked when built.
 *
 * @param retry           how failing events are retried before they are parked
 * @param onFailure       what happens once an event is parked
 * @param subscription    page, buffer and batch sizes and the poll interval of its subscriptions
 * @param controlInterval how often the runner reads operator requests and reports its health; positive
 * @param clock           the time of dead letters and lag
 * @param sleeper         how retries wait
 * @param meterRegistry   where the lag gauges go
 */
public record ProjectionOptions(
        RetrySchedule retry,
        FailurePolicy onFailure,
        SubscriptionOptions subscription,
        Duration controlInterval,
        Clock clock,
        Sleeper sleeper,
        MeterRegistry meterRegistry) {

    public ProjectionOptions {
        requireNonNull(retry, "retry");
        requireNonNull(onFailure, "onFailure");
        requireNonNull(subscription, "subscription");
        requireNonNull(controlInterval, "controlInterval");
        requireNonNull(clock, "clock");
        requireNonNull(sleeper, "sleeper");
        requireNonNull(meterRegistry, "meterRegistry");
        if (controlInterval.isNegative() || controlInterval.isZero()) {
            throw new IllegalArgumentException("controlInterval must be positive, was " + controlInterval);
        }
    }

    /** Default retries, skip after parking, default subscription, control every second, real time. */
    public static ProjectionOptions defaults() {
        return new ProjectionOptions(
                RetrySchedule.defaults(),
                FailurePolicy.SKIP,
                SubscriptionOptions.defaults(),
                Duration.ofSeconds(1),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                Metrics.globalRegistry);
    }

    public ProjectionOptions withRetry(RetrySchedule newRetry) {
        return new ProjectionOptions(newRetry, onFailure, subscription, controlInterval, clock, sleeper, meterRegistry);
    }

    public ProjectionOptions withOnFailure(FailurePolicy policy) {
        return new ProjectionOptions(retry, policy, subscription, controlInterval, clock, sleeper, meterRegistry);
    }

    public ProjectionOptions withSubscription(SubscriptionOptions options) {
        return new ProjectionOptions(retry, onFailure, options, controlInterval, clock, sleeper, meterRegistry);
    }

    public ProjectionOptions withControlInterval(Duration interval) {
        return new ProjectionOptions(retry, onFailure, subscription, interval, clock, sleeper, meterRegistry);
    }

    public ProjectionOptions withClock(Clock newClock) {
        return new ProjectionOptions(retry, onFailure, subscription, controlInterval, newClock, sleeper, meterRegistry);
    }

    public ProjectionOptions withSleeper(Sleeper newSleeper) {
        return new ProjectionOptions(retry, onFailure, subscription, controlInterval, clock, newSleeper, meterRegistry);
    }

    public ProjectionOptions withMeterRegistry(MeterRegistry registry) {
        return new ProjectionOptions(retry, onFailure, subscription, controlInterval, clock, sleeper, registry);
    }
}
