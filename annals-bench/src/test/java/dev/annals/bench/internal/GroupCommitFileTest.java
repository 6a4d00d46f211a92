package dev.annals.bench.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(30)
class GroupCommitFileTest {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 50;

    @TempDir
    Path directory;

    @Test
    void every_write_from_concurrent_writers_is_in_the_file_once_with_at_most_one_fsync_per_write() throws Exception {
        Path path = directory.resolve("log");
        long syncs;
        try (var file = GroupCommitFile.create(path, 0)) {
            var threads = new ArrayList<Thread>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        file.write(ByteBuffer.wrap(record(id, i)));
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            syncs = file.syncs();
        }

        var expected = new HashSet<String>();
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int i = 0; i < WRITES_EACH; i++) {
                expected.add(new String(record(writer, i), StandardCharsets.US_ASCII).strip());
            }
        }
        var lines = Files.readAllLines(path);
        assertThat(lines).hasSize(WRITERS * WRITES_EACH);
        assertThat(Set.copyOf(lines)).isEqualTo(expected);
        assertThat(syncs).isBetween(1L, (long) WRITERS * WRITES_EACH);
    }

    @Test
    void writes_over_the_preallocated_zeros_from_the_start() throws Exception {
        Path path = directory.resolve("log");
        try (var file = GroupCommitFile.create(path, 3_000_000)) {
            file.write(ByteBuffer.wrap(record(1, 1)));
            file.write(ByteBuffer.wrap(record(1, 2)));
        }

        byte[] content = Files.readAllBytes(path);
        assertThat(content).hasSize(3_000_000);
        int written = 2 * record(1, 1).length;
        assertThat(new String(content, 0, written, StandardCharsets.US_ASCII))
                .isEqualTo("writer 01 write 0001\nwriter 01 write 0002\n");
        assertThat(content[written]).isZero();
        assertThat(content[content.length - 1]).isZero();
    }

    @Test
    void refuses_writes_once_closed() {
        var file = GroupCommitFile.create(directory.resolve("log"), 0);
        file.close();

        assertThatThrownBy(() -> file.write(ByteBuffer.wrap(record(0, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is closed");
    }

    private static byte[] record(int writer, int sequence) {
        return String.format("writer %02d write %04d\n", writer, sequence).getBytes(StandardCharsets.US_ASCII);
    }
}
