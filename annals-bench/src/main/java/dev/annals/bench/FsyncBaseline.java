package dev.annals.bench;

import dev.annals.bench.internal.GroupCommitFile;
import dev.annals.bench.internal.LoadDriver;
import dev.annals.bench.internal.Payloads;
import dev.annals.bench.internal.TemporaryDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The disk's ceiling for the same load: the append benchmark's bytes appended to a plain file by a
 * group-commit writer (one fsync per group of concurrent writes), with no database in the way. The file
 * is preallocated before the clock starts (see {@link GroupCommitFile}).
 */
public final class FsyncBaseline {

    /** The target's name in results. */
    public static final String TARGET = "fsync baseline (group-commit file)";

    private static final Logger LOG = LoggerFactory.getLogger(FsyncBaseline.class);

    private FsyncBaseline() {}

    /** Runs in a new temporary directory, deleted afterwards. */
    public static BenchmarkResult runInTemporaryDirectory(AppendBenchmarkOptions options) {
        try (var directory = TemporaryDirectory.create("annals-bench-")) {
            return run(directory.path(), directory.path() + " (temporary, deleted afterwards)", options);
        }
    }

    /** Runs with a new file in {@code directory} (created when absent), deleted afterwards. */
    public static BenchmarkResult runIn(Path directory, AppendBenchmarkOptions options) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory + ": " + e.getMessage(), e);
        }
        return run(directory, directory + " (file deleted afterwards)", options);
    }

    private static BenchmarkResult run(Path directory, String location, AppendBenchmarkOptions options) {
        requireNonNull(options, "options");
        Path path = directory.resolve(
                "fsync-baseline-" + UUID.randomUUID().toString().substring(0, 8) + ".dat");
        byte[] payload = Payloads.json(options.size());
        LoadDriver.Measurement measured;
        long syncs;
        long stored;
        try {
            try (var file = GroupCommitFile.create(path, options.events() * options.size())) {
                measured = LoadDriver.run(
                        options.writers(), options.events(), options.batch(), i -> new FileWriter(file, payload));
                syncs = file.syncs();
            }
            stored = storedEvents(path, options.events(), options.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fsync baseline was interrupted", e);
        } finally {
            delete(path);
        }
        LOG.debug(
                "fsync baseline in {}: {} events in {} appends, {} fsyncs, {} stored",
                path,
                measured.events(),
                measured.appends(),
                syncs,
                stored);
        return new BenchmarkResult(
                TARGET,
                location,
                options,
                measured.events(),
                measured.appends(),
                stored,
                Duration.ofNanos(measured.elapsedNanos()),
                Latency.of(measured.latencies()));
    }

    /**
     * Counts the payloads in the file, independently of the writers: payloads lie end to end from the
     * start, each beginning with '{', and the preallocated rest is zeros; so a binary search over the
     * payload slots finds the first empty one.
     */
    private static long storedEvents(Path path, long slots, int size) {
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            var first = ByteBuffer.allocate(1);
            long low = 0;
            long high = slots;
            while (low < high) {
                long middle = (low + high) >>> 1;
                first.clear();
                if (channel.read(first, middle * size) == 1 && first.get(0) == '{') {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        } catch (IOException e) {
            throw new UncheckedIOException("could not count the events in " + path + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes each append's events as one buffer of their payloads. */
    private record FileWriter(GroupCommitFile file, byte[] payload) implements LoadDriver.Writer<ByteBuffer> {

        @Override
        public ByteBuffer prepare(int events) {
            var buffer = ByteBuffer.allocate(events * payload.length);
            for (int i = 0; i < events; i++) {
                buffer.put(payload);
            }
            return buffer.flip();
        }

        @Override
        public void append(ByteBuffer bytes) {
            file.write(bytes);
        }
    }
}
