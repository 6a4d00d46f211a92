package dev.annals.projection.segment;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static java.util.Objects.requireNonNull;

/**
 * Which segment of a segmented projection a stream belongs to: the CRC-32 (IEEE 802.3, as
 * {@link CRC32} computes it) of the stream name's UTF-8 bytes, taken as an unsigned number, modulo the
 * number of segments.
 *
 * <p>The function is part of the stored data's meaning: a segment's checkpoint covers exactly the streams
 * this function puts in it, so it must never change for a given number of segments. Every event of a
 * stream falls in one segment, so one worker at a time handles a stream, in order.
 */
public final class StreamSegments {

    private StreamSegments() {}

    /**
     * The segment of {@code stream} among {@code segments}: 0 to {@code segments - 1}.
     *
     * @throws IllegalArgumentException when {@code segments} is not positive
     */
    public static int segmentOf(String stream, int segments) {
        requireNonNull(stream, "stream");
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be 1 or more, was " + segments);
        }
        var crc = new CRC32();
        crc.update(stream.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % segments);
    }
}
