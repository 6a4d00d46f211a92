package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StoreUnavailableException;
import dev.annals.testkit.fault.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A full disk, for real: the store's directory is a 4 MiB tmpfs that a filler file fills while the store
 * appends. Appends fail with a disk-full {@link StoreUnavailableException} that names no file, the store
 * reports the fault, and once the filler is deleted the writer writes again by itself, with every
 * acknowledged event stored once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiskFullTest {

    @TempDir
    Path mountPoint;

    private SmallDisk disk;
    private SqliteEventStore store;

    @AfterEach
    void unmount() throws Exception {
        if (store != null) {
            store.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void the_writer_fails_clearly_while_the_disk_is_full_and_recovers_once_space_is_freed() throws Exception {
        disk = SmallDisk.mount(mountPoint, 4);
        var data = mountPoint.resolve("data");
        store = SqliteEventStore.open(data);
        var acknowledged = new ArrayList<UUID>();
        append("account-0", acknowledged);
        var filler = disk.fill();

        StoreUnavailableException fault = null;
        for (int i = 1; i <= 500 && fault == null; i++) {
            try {
                append("account-" + i, acknowledged);
            } catch (StoreUnavailableException e) {
                fault = e;
            }
        }
        if (fault == null) {
            fail("appends kept succeeding on a full disk");
        }
        assertThat(fault.reason()).isEqualTo(StoreUnavailableException.Reason.DISK_FULL);
        assertThat(fault.getMessage())
                .contains("disk")
                .contains("full")
                .doesNotContain(mountPoint.toString())
                .doesNotContain("SQL")
                .doesNotContain("annals.db");
        assertThat(store.writeFault())
                .get()
                .extracting(StoreUnavailableException::reason)
                .isEqualTo(StoreUnavailableException.Reason.DISK_FULL);
        for (int i = 0; i < 3; i++) {
            try {
                append("while-full-" + i, acknowledged);
            } catch (StoreUnavailableException stillFull) {
                assertThat(stillFull.reason()).isEqualTo(StoreUnavailableException.Reason.DISK_FULL);
            }
        }

        Files.delete(filler);

        assertThat(store.writeFault()).isEmpty();
        var after = append("after-recovery", acknowledged);
        assertThat(after.streamVersion()).isZero();
        assertStoredOnce(acknowledged);
        store.close();
        store = SqliteEventStore.open(data);
        assertStoredOnce(acknowledged);
    }

    private AppendResult append(String stream, List<UUID> acknowledged) {
        var payload = new byte[16 * 1024];
        Arrays.fill(payload, (byte) 'a');
        payload[0] = '"';
        payload[payload.length - 1] = '"';
        var event = new EventData(EventIds.next(), "Filled", 1, payload, Metadata.empty());
        var result = store.append(stream, ExpectedVersion.any(), List.of(event));
        acknowledged.add(event.eventId());
        return result;
    }

    private void assertStoredOnce(List<UUID> acknowledged) {
        try (var events = store.read(ReadRequest.forward(new ReadSource.All()))) {
            var ids = events.map(RecordedEvent::eventId).toList();
            assertThat(ids).doesNotHaveDuplicates().containsAll(acknowledged);
        }
    }
}
