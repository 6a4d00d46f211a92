package dev.annals.kafka.relay;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/** What {@link KafkaRelay#start} checks before it runs, and how it words what it found. */
final class Preflight {

    private Preflight() {}

    static void check(Admin admin, RelayOptions options) throws Exception {
        long millis = options.connectTimeout().toMillis();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis))
                    .nodes()
                    .get(millis + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw explain(e.getCause(), options);
        } catch (TimeoutException e) {
            throw unreachable(options);
        }
    }

    static RelayConfigurationException explain(Throwable error, RelayOptions options) {
        var cause = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof AuthenticationException) {
            return new RelayConfigurationException("Kafka at " + options.bootstrapServers()
                    + " refused the relay's credentials: " + cause.getMessage());
        }
        if (cause instanceof AuthorizationException) {
            return new RelayConfigurationException("Kafka at " + options.bootstrapServers()
                    + " does not allow the relay to do its work: " + cause.getMessage());
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unreachable(options);
        }
        return new RelayConfigurationException("the relay could not start against Kafka at "
                + options.bootstrapServers() + ": " + Failures.describe(cause));
    }

    private static RelayConfigurationException unreachable(RelayOptions options) {
        return new RelayConfigurationException("no Kafka broker answered at " + options.bootstrapServers() + " within "
                + options.connectTimeout().toSeconds() + " s");
    }
}
