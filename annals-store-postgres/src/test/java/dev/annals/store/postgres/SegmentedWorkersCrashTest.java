package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.projection.segment.StreamSegments;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Tally;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three worker processes share the ledger projection's eight segments while events are appended; one is
 * killed with SIGKILL mid-run. The survivors take its segments over once its leases expire, and in the end
 * the read model equals a single-process rebuild, every event was handled exactly once, in stream order,
 * and the audit kept in the read-model transactions shows no segment committed under two owners at once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SegmentedWorkersCrashTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String VICTIM = "worker-a";

    private final PostgresOptions options = TestDatabase.newOptions();
    private final String schema = options.schema();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void three_workers_one_killed_end_with_a_single_process_rebuild_and_never_share_a_segment() throws Exception {
        var children = new TreeMap<String, Process>();
        try (var store = PostgresEventStore.open(TestDatabase.URL, options)) {
            execute(
                    "CREATE TABLE " + schema + ".segment_audit (segment INTEGER NOT NULL, epoch BIGINT NOT NULL,"
                            + " owner TEXT NOT NULL, position BIGINT NOT NULL, handled_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
            var leases = PostgresSegmentLeases.of(store, TTL);
            for (String worker : List.of("worker-a", "worker-b", "worker-c")) {
                children.put(worker, start(schema, worker));
            }
            var stop = new AtomicBoolean();
            var appended = new AtomicLong();
            var appender = Thread.ofVirtual().start(() -> append(store, stop, appended));
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> owners(leases).size() == 3
                                && leases.leases("ledger").stream().allMatch(SegmentLease::active));
                await().atMost(Duration.ofSeconds(60)).until(() -> count("WHERE owner = '" + VICTIM + "'") > 0);

                children.remove(VICTIM).destroyForcibly();
                long atKill = appended.get();

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !owners(leases).contains(VICTIM)
                                && leases.leases("ledger").stream().allMatch(SegmentLease::active));
                await().atMost(Duration.ofSeconds(60)).until(() -> appended.get() >= atKill + 500);
            } finally {
                stop.set(true);
                appender.join();
            }
            long head = store.headPosition();
            var lastInSegment = lastPositionBySegment(store);
            await().atMost(Duration.ofSeconds(90)).until(() -> checkpoints().equals(lastInSegment));

            assertNoSegmentWasSharedAndEveryEventHandledOnce(head);
            try (var states = PostgresProjections.states(store)) {
                assertThat(states.deadLetters(Optional.empty())).isEmpty();
            }
            var reference = rebuildInOneProcess(store, head);
            assertThat(rows("%s.ledger")).isEqualTo(reference);
            assertThat(reference.stream()
                            .mapToLong(row -> Long.parseLong(row.get(2)))
                            .sum())
                    .isEqualTo(head);
        } finally {
            stopAll(children);
        }
    }

    private void assertNoSegmentWasSharedAndEveryEventHandledOnce(long head) throws Exception {
        assertThat(count("")).isEqualTo(head);
        assertThat(longs("SELECT count(DISTINCT position) FROM %s.segment_audit"))
                .containsExactly(head);
        // Per segment, in position order, the epoch never goes back: everything committed under an epoch comes
        // before anything committed under the next one, and each epoch has one owner.
        var audit = query("SELECT segment, epoch, owner, position FROM %s.segment_audit ORDER BY segment, position");
        var lastEpoch = new TreeMap<Integer, Long>();
        var ownerOfEpoch = new TreeMap<String, String>();
        for (var row : audit) {
            int segment = Integer.parseInt(row[0]);
            long epoch = Long.parseLong(row[1]);
            assertThat(epoch)
                    .as("epoch of position %s in segment %s", row[3], segment)
                    .isGreaterThanOrEqualTo(lastEpoch.getOrDefault(segment, 0L));
            lastEpoch.put(segment, epoch);
            assertThat(ownerOfEpoch.computeIfAbsent(segment + "/" + epoch, key -> row[2]))
                    .isEqualTo(row[2]);
        }
        // And in time: everything done under an epoch happened before anything under a later one (the claim of
        // the next epoch waited for the last transaction of the previous one), by the database's clock.
        var overlaps = query("SELECT a.segment, a.epoch, b.epoch FROM %1$s.segment_audit a JOIN %1$s.segment_audit b"
                + " ON a.segment = b.segment AND a.epoch < b.epoch AND a.handled_at >= b.handled_at LIMIT 5");
        assertThat(overlaps)
                .as("work of an older epoch at or after work of a newer one")
                .isEmpty();
        var victimSegments = audit.stream()
                .filter(row -> row[2].equals(VICTIM))
                .map(row -> row[0])
                .distinct()
                .toList();
        assertThat(victimSegments).isNotEmpty();
        assertThat(audit).anySatisfy(row -> {
            assertThat(victimSegments).contains(row[0]);
            assertThat(row[2]).isNotEqualTo(VICTIM);
        });
    }

    private void append(PostgresEventStore store, AtomicBoolean stop, AtomicLong appended) {
        var random = new Random(7);
        while (!stop.get()) {
            var batch = new ArrayList<EventData>();
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                batch.add(Tally.added(1 + random.nextInt(1000)));
            }
            store.append("ledger-" + random.nextInt(64), ExpectedVersion.any(), batch);
            appended.addAndGet(size);
        }
    }

    private static Map<String, Long> lastPositionBySegment(PostgresEventStore store) {
        var last = new TreeMap<String, Long>();
        try (var events = store.read(ReadRequest.forward(new ReadSource.Category("ledger")))) {
            events.forEach((RecordedEvent event) -> last.put(
                    "ledger-seg-" + StreamSegments.segmentOf(event.stream(), Ledger.SEGMENTS), event.position()));
        }
        return last;
    }

    private List<List<String>> rebuildInOneProcess(PostgresEventStore store, long head) throws Exception {
        try (var readModel = PostgresProjections.readModel(store, Ledger.tables("ledger_ref"));
                var runner = ProjectionRunner.start(
                        Ledger.projection("ledger_ref", "ledger_ref", false),
                        store,
                        readModel,
                        ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry()))) {
            runner.awaitPosition(head, Duration.ofSeconds(60));
        }
        return rows("%s.ledger_ref");
    }

    private Process start(String schema, String worker) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SegmentedWorkerChild.class.getName(),
                        TestDatabase.URL,
                        schema,
                        worker,
                        Long.toString(TTL.toMillis()))
                .redirectError(Path.of("target", "segmented-" + worker + ".log").toFile())
                .start();
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).as("first line of " + worker).isEqualTo("STARTED");
        return process;
    }

    private static void stopAll(Map<String, Process> children) throws Exception {
        for (var child : children.values()) {
            child.getOutputStream().close();
        }
        for (var child : children.values()) {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static java.util.Set<String> owners(PostgresSegmentLeases leases) {
        var owners = new java.util.TreeSet<String>();
        leases.leases("ledger").stream().filter(SegmentLease::active).forEach(lease -> owners.add(lease.owner()));
        return owners;
    }

    private void execute(String sql) throws SQLException {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String where) throws SQLException {
        return longs("SELECT count(*) FROM %s.segment_audit " + where).getFirst();
    }

    private List<Long> longs(String sql) throws SQLException {
        return query(sql).stream().map(row -> Long.parseLong(row[0])).toList();
    }

    private Map<String, Long> checkpoints() throws SQLException {
        var found = new TreeMap<String, Long>();
        query("SELECT projection, position FROM %s.projection_checkpoints WHERE projection LIKE 'ledger-seg-%%'")
                .forEach(row -> found.put(row[0], Long.parseLong(row[1])));
        return found;
    }

    private List<List<String>> rows(String table) throws SQLException {
        return query("SELECT stream, total, events, last_version FROM " + table + " ORDER BY stream").stream()
                .map(List::of)
                .toList();
    }

    /** Runs {@code sql} with {@code %s} standing for the schema; each row as strings. */
    private List<String[]> query(String sql) throws SQLException {
        var found = new ArrayList<String[]>();
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql.formatted(schema))) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                var row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                found.add(row);
            }
        }
        return found;
    }
}
