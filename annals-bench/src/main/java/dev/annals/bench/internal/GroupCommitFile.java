package dev.annals.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * An append-only file with group commit: writers hand their bytes to one flusher thread, which writes
 * everything pending, forces it to disk with one fsync, then releases all those writers. The disk's
 * ceiling for durable appends, with nothing of a database in the way.
 *
 * <p>The file is preallocated: zeros are written and forced before the first write, and writes then
 * overwrite them from the start. So each fsync flushes data, not also a growing file size, as with a
 * database's write-ahead log that reuses its space.
 */
public final class GroupCommitFile implements AutoCloseable {

    private static final Pending STOP = new Pending(ByteBuffer.allocate(0), new CompletableFuture<>());

    private final Path path;
    private final FileChannel channel;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong syncs = new AtomicLong();
    private final Thread flusher;
    private volatile IOException failure;
    private volatile boolean closed;

    private record Pending(ByteBuffer bytes, CompletableFuture<Void> done) {}

    private GroupCommitFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.flusher = Thread.ofPlatform().name("group-commit-file").start(this::flushUntilStopped);
    }

    /**
     * Creates {@code path}, which must not exist yet, with {@code preallocate} bytes of zeros on disk,
     * and starts its flusher thread. Writes beyond the preallocated size grow the file.
     */
    public static GroupCommitFile create(Path path, long preallocate) {
        requireNonNull(path, "path");
        try {
            var channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            var zeros = ByteBuffer.allocate(1 << 20);
            for (long left = preallocate; left > 0; left -= zeros.limit()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), left));
                while (zeros.hasRemaining()) {
                    channel.write(zeros);
                }
            }
            channel.force(true);
            channel.position(0);
            return new GroupCommitFile(path, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends {@code bytes} and returns once they are on disk.
     *
     * @throws UncheckedIOException  when writing or forcing the file failed
     * @throws IllegalStateException when the file is closed
     */
    public void write(ByteBuffer bytes) {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        var pending = new Pending(bytes, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().join();
        } catch (CompletionException e) {
            throw new UncheckedIOException(
                    "appending to " + path + " failed: " + e.getCause().getMessage(), (IOException) e.getCause());
        }
    }

    /** The number of fsyncs made so far: one per group of writes. */
    public long syncs() {
        return syncs.get();
    }

    private void flushUntilStopped() {
        var group = new ArrayList<Pending>();
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group);
            stopping = group.remove(STOP);
            if (!group.isEmpty()) {
                flush(group);
            }
            group.clear();
        }
    }

    private void flush(List<Pending> group) {
        try {
            if (failure != null) {
                throw failure;
            }
            var buffers = group.stream().map(Pending::bytes).toArray(ByteBuffer[]::new);
            long left = 0;
            for (ByteBuffer buffer : buffers) {
                left += buffer.remaining();
            }
            while (left > 0) {
                left -= channel.write(buffers);
            }
            channel.force(false);
            syncs.incrementAndGet();
            group.forEach(pending -> pending.done().complete(null));
        } catch (IOException e) {
            failure = e;
            group.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /** Completes the writes already handed over, then stops the flusher and closes the file. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            flusher.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + path + ": " + e.getMessage(), e);
        }
    }
}
