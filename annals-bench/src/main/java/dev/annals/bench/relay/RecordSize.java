package dev.annals.bench.relay;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.DefaultRecord;

/**
 * The size of a record as Kafka carries it in a batch (the client's buffers, the request, the broker's log):
 * key, value and headers with their length prefixes, as {@link DefaultRecord#sizeInBytes} counts them. The
 * ceiling is given records of the relay's size by this measure, not values of the relay's value size: the
 * relay's records also carry a stream name as key (7 to 9 bytes against the ceiling's 1 to 3) and the
 * {@code content-type} header that structured-mode CloudEvents require (40 bytes and two length prefixes), which
 * {@code ProducerPerformance} cannot send; its values are made longer by the difference instead.
 *
 * @param keyBytes    the key's bytes
 * @param valueBytes  the value's bytes
 * @param headerBytes the headers' names and values, without their length prefixes
 * @param inBatch     the whole record in a batch, prefixes included (offset and timestamp deltas of zero)
 */
record RecordSize(int keyBytes, int valueBytes, int headerBytes, int inBatch) {

    /**
     * The keys of {@code ProducerPerformance --record-key-range 1000}: decimal numbers below 1,000, nine in ten of
     * them three digits long.
     */
    static final int CEILING_KEY_BYTES = 3;

    /** The size of a record with these parts. */
    static RecordSize of(int keyBytes, int valueBytes, Header[] headers) {
        int headerBytes = 0;
        for (var header : headers) {
            headerBytes += header.key().getBytes(StandardCharsets.UTF_8).length
                    + (header.value() == null ? 0 : header.value().length);
        }
        return new RecordSize(
                keyBytes, valueBytes, headerBytes, DefaultRecord.sizeInBytes(0, 0, keyBytes, valueBytes, headers));
    }

    /** A record of the ceiling's: a {@value #CEILING_KEY_BYTES}-byte key, {@code valueBytes} of value, no header. */
    static RecordSize ofCeiling(int valueBytes) {
        return of(CEILING_KEY_BYTES, valueBytes, new Header[0]);
    }

    /**
     * The value size that gives a header-less record with a {@value #CEILING_KEY_BYTES}-byte key (the
     * ceiling's) the same size in a batch as this one: the first at which it is not smaller.
     */
    int ceilingValueBytes() {
        // From below: the prefixes of a record take 7 to 16 bytes.
        int value = Math.max(0, inBatch - CEILING_KEY_BYTES - 16);
        while (ofCeiling(value).inBatch() < inBatch) {
            value++;
        }
        return value;
    }
}
