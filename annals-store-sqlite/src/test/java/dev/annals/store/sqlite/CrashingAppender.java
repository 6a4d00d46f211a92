package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The child process of {@link CrashDurabilityTest}: appends from several threads until it is killed,
 * printing one line per acknowledged append.
 *
 * <p>Arguments: data directory, run number, number of threads. Lines: {@code READY <head> END} once
 * open, then {@code ACK <stream> <last version> <last position> <id,id,...> END} per acknowledged append.
 * Each append carries 1 to 8 events whose payloads name the append and its size, so the parent can see
 * whether an append survived whole or not at all.
 */
public final class CrashingAppender {

    private CrashingAppender() {}

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String run = args[1];
        int threads = Integer.parseInt(args[2]);
        var out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        // A small index batch, so that many of the transactions killed also extend the stream index.
        var store = SqliteEventStore.open(data, SqliteOptions.defaults().withStreamIndexBatch(16));
        print(out, "READY " + store.headPosition());
        for (int t = 0; t < threads; t++) {
            String stream = "crash-" + run + "-" + t;
            Thread.ofPlatform().start(() -> {
                long version = StreamInfo.NO_STREAM;
                while (true) {
                    int size = ThreadLocalRandom.current().nextInt(1, 9);
                    UUID append = EventIds.next();
                    var events = new ArrayList<EventData>(size);
                    for (int n = 0; n < size; n++) {
                        events.add(EventData.of(
                                "Crashed", "{\"append\":\"" + append + "\",\"n\":" + n + ",\"of\":" + size + "}"));
                    }
                    var result = store.append(stream, ExpectedVersion.exact(version), events);
                    version = result.streamVersion();
                    print(
                            out,
                            "ACK " + stream + " " + result.streamVersion() + " " + result.position() + " "
                                    + events.stream()
                                            .map(e -> e.eventId().toString())
                                            .collect(Collectors.joining(",")));
                }
            });
        }
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line + " END");
            out.flush();
        }
    }
}
