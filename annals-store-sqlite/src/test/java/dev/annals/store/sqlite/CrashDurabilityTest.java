package dev.annals.store.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Kills a process that appends under concurrent load with SIGKILL at random moments, many times, and checks
 * that every acknowledged append survived exactly once and that no append survived in part.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrashDurabilityTest {

    private static final int KILLS = 22;
    private static final int THREADS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /** One acknowledged append as the child printed it. */
    private record Ack(String stream, long lastVersion, long lastPosition, List<UUID> eventIds) {
        static Ack parse(String line) {
            var parts = line.split(" ");
            return new Ack(
                    parts[1],
                    Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]),
                    java.util.Arrays.stream(parts[4].split(","))
                            .map(UUID::fromString)
                            .toList());
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void keeps_every_acknowledged_append_whole_and_once_across_kills() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        var acks = new ArrayList<Ack>();
        long highestAcked = 0;
        for (int run = 0; run < KILLS; run++) {
            int killAfter = 1 + random.nextInt(150);
            var stderr = data.resolveSibling(data.getFileName() + "-child-" + run + ".err");
            var child = startChild(run, stderr);
            try (var lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                long head =
                        Long.parseLong(complete(readLine(lines, child, stderr)).split(" ")[1]);
                assertThat(head)
                        .as("head after restart %d (seed %d)", run, seed)
                        .isGreaterThanOrEqualTo(highestAcked);
                for (int seen = 0; seen < killAfter; seen++) {
                    var ack = Ack.parse(complete(readLine(lines, child, stderr)));
                    acks.add(ack);
                    highestAcked = Math.max(highestAcked, ack.lastPosition());
                }
                child.destroyForcibly();
                // Acks printed after the last one read are not checked: the kill may cut them off.
                assertThat(child.waitFor(20, TimeUnit.SECONDS))
                        .as("child %d died", run)
                        .isTrue();
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(stderr);
            }
        }
        try (var store = SqliteEventStore.open(data)) {
            verify(store, acks, seed);
        }
    }

    private Process startChild(int run, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingAppender.class.getName(),
                        data.toString(),
                        Integer.toString(run),
                        Integer.toString(THREADS))
                .redirectError(stderr.toFile())
                .start();
    }

    private static String readLine(BufferedReader lines, Process child, Path stderr) throws IOException {
        String line = lines.readLine();
        if (line == null) {
            fail(
                    "the child exited on its own (%s): %s",
                    child.onExit().isDone() ? "exit " + child.exitValue() : "running",
                    Files.exists(stderr) ? Files.readString(stderr) : "");
        }
        return line;
    }

    private static String complete(String line) {
        assertThat(line).endsWith(" END");
        return line.substring(0, line.length() - " END".length());
    }

    private static void verify(SqliteEventStore store, List<Ack> acks, long seed) throws IOException {
        List<RecordedEvent> all =
                store.read(ReadRequest.forward(new ReadSource.All())).toList();
        assertThat(all)
                .as("positions (seed %d)", seed)
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(store.headPosition()).isEqualTo(all.size());
        var byId = new HashMap<UUID, RecordedEvent>();
        for (RecordedEvent event : all) {
            assertThat(byId.put(event.eventId(), event))
                    .as("event id %s stored twice", event.eventId())
                    .isNull();
        }
        for (Ack ack : acks) {
            for (int i = 0; i < ack.eventIds().size(); i++) {
                var event = byId.get(ack.eventIds().get(i));
                assertThat(event)
                        .as(
                                "acknowledged event %s of %s (seed %d)",
                                ack.eventIds().get(i), ack, seed)
                        .isNotNull();
                long fromEnd = ack.eventIds().size() - 1 - i;
                assertThat(event.stream()).isEqualTo(ack.stream());
                assertThat(event.streamVersion()).isEqualTo(ack.lastVersion() - fromEnd);
                assertThat(event.position()).isEqualTo(ack.lastPosition() - fromEnd);
            }
        }
        var appends = new HashMap<String, List<RecordedEvent>>();
        var streams = new HashMap<String, List<RecordedEvent>>();
        for (RecordedEvent event : all) {
            appends.computeIfAbsent(JSON.readTree(event.payload()).get("append").asText(), k -> new ArrayList<>())
                    .add(event);
            streams.computeIfAbsent(event.stream(), k -> new ArrayList<>()).add(event);
        }
        for (List<RecordedEvent> append : appends.values()) {
            int size = JSON.readTree(append.getFirst().payload()).get("of").asInt();
            assertThat(append).as("an append stored in part (seed %d)", seed).hasSize(size);
            for (int n = 0; n < size; n++) {
                assertThat(append.get(n).position()).isEqualTo(append.getFirst().position() + n);
                assertThat(append.get(n).streamVersion())
                        .isEqualTo(append.getFirst().streamVersion() + n);
            }
        }
        for (Map.Entry<String, List<RecordedEvent>> stream : streams.entrySet()) {
            assertThat(stream.getValue())
                    .extracting(RecordedEvent::streamVersion)
                    .as("versions of %s", stream.getKey())
                    .containsExactlyElementsOf(
                            LongStream.range(0, stream.getValue().size())
                                    .boxed()
                                    .toList());
            // Read through the stream index, which the child extended in killed transactions too.
            assertThat(store.readStream(stream.getKey()).toList())
                    .as("stream %s", stream.getKey())
                    .isEqualTo(stream.getValue());
        }
        assertThat(store.streams().map(StreamInfo::stream)).containsExactlyInAnyOrderElementsOf(streams.keySet());
        assertThat(acks).as("acks seen").hasSizeGreaterThanOrEqualTo(KILLS);
    }
}
