package dev.annals.bench.relay;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How a producer packed its records: the average records per produce request and bytes per batch, from the
 * producer's own metrics. The broker's work grows with the requests and batches it handles, not only with
 * the bytes, so two producers that send the same records with the same settings can cost it very different
 * CPU: these figures say whether the relay and the ceiling filled their batches alike. The averages are the
 * client's (over its last 30 s or so), which a run of a few seconds or more fills.
 *
 * @param recordsPerRequest records per produce request, over all partitions
 * @param batchBytes        bytes per batch (one partition's records in one request)
 */
public record ProducerRequests(double recordsPerRequest, double batchBytes) {

    private static final Pattern PRINTED =
            Pattern.compile("producer-metrics:(records-per-request-avg|batch-size-avg):\\{[^}]*}\\s*:\\s*([\\d.]+)");

    /** The report's words for them. */
    String describe() {
        return String.format(
                Locale.ROOT, "%.0f records per request, %.1f KiB per batch", recordsPerRequest, batchBytes / 1024);
    }

    /** The figures of the producer {@code clientId} running in this JVM (its JMX metrics), if it runs. */
    static Optional<ProducerRequests> ofClient(String clientId) {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            var name = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId);
            return Optional.of(new ProducerRequests(
                    ((Number) server.getAttribute(name, "records-per-request-avg")).doubleValue(),
                    ((Number) server.getAttribute(name, "batch-size-avg")).doubleValue()));
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The figures in the metrics {@code ProducerPerformance --print-metrics} printed, if it printed them. */
    static Optional<ProducerRequests> ofPrinted(String output) {
        var matcher = PRINTED.matcher(output);
        Double records = null;
        Double bytes = null;
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(2));
            if (matcher.group(1).equals("records-per-request-avg")) {
                records = value;
            } else {
                bytes = value;
            }
        }
        return records == null || bytes == null ? Optional.empty() : Optional.of(new ProducerRequests(records, bytes));
    }
}
