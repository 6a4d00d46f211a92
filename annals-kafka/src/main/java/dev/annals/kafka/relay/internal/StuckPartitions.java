package dev.annals.kafka.relay.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Says why a read_committed consumer has not reached the end of a partition: where it stands, and the open
 * transactions that hold it back (a read_committed consumer does not pass the first of them until it commits
 * or aborts). A relay that cannot read its checkpoint topic puts this in its error, so that an operator, and
 * a test's failure, can tell a transaction that is only slow from one that no coordinator will ever finish.
 */
final class StuckPartitions {

    private static final long DESCRIBE_SECONDS = 5;

    private StuckPartitions() {}

    /**
     * The partitions of {@code ends} that {@code consumer} has not reached, each with its position, its end and
     * its open transactions; empty when it reached them all.
     */
    static String describe(Admin admin, KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        var behind = new ArrayList<TopicPartition>();
        var where = new ArrayList<String>();
        for (var end : ends.entrySet()) {
            long position = consumer.position(end.getKey());
            if (position < end.getValue()) {
                behind.add(end.getKey());
                where.add(end.getKey() + " at offset " + position + " of " + end.getValue());
            }
        }
        if (behind.isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>();
        for (int i = 0; i < behind.size(); i++) {
            parts.add(where.get(i) + openTransactions(admin, behind.get(i)));
        }
        return ": " + String.join("; ", parts);
    }

    private static String openTransactions(Admin admin, TopicPartition partition) {
        List<ProducerState> producers;
        try {
            producers = admin.describeProducers(List.of(partition))
                    .partitionResult(partition)
                    .get(DESCRIBE_SECONDS, TimeUnit.SECONDS)
                    .activeProducers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ", its open transactions unknown (interrupted)";
        } catch (Exception e) {
            return ", its open transactions could not be described";
        }
        var open = producers.stream()
                .filter(producer -> producer.currentTransactionStartOffset().isPresent())
                .map(producer -> "producer id " + producer.producerId() + " (epoch " + producer.producerEpoch()
                        + ") since offset "
                        + producer.currentTransactionStartOffset().getAsLong()
                        + ", last written " + Instant.ofEpochMilli(producer.lastTimestamp()))
                .toList();
        return open.isEmpty() ? ", no open transaction" : ", open transactions: " + String.join(", ", open);
    }
}
