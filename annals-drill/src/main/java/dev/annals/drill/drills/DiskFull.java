package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.fault.SmallTmpfs;
import dev.annals.drill.load.RunningLoad;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code disk-full}: an embedded store in a data directory on a small tmpfs that the drill mounts (root
 * only), filled while the writers append, then freed. It drills a store of its own on the tmpfs, never the
 * operator's data directory. Recovery is the time from freeing the space to the next acknowledged append.
 */
public final class DiskFull implements Drill {

    @Override
    public String name() {
        return "disk-full";
    }

    @Override
    public String summary() {
        return "fill the embedded store's disk (a small tmpfs) during appends, then free the space";
    }

    @Override
    public Optional<String> cannotRun(DrillSettings settings) {
        return SmallTmpfs.unavailable();
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        var disk = SmallTmpfs.mount(Files.createTempDirectory("annals-drill-disk"), 16);
        try {
            var data = disk.directory().resolve("data");
            var load = RunningLoad.start(
                    settings.backends().open(data.toString(), OpenOptions.defaults()), streamPrefix, settings.quick());
            return new LoadSession(
                    load,
                    number -> {
                        long failuresBefore = load.failures();
                        var filler = disk.fill();
                        boolean felt = load.awaitFailureAfter(failuresBefore, Duration.ofSeconds(5));
                        Files.delete(filler);
                        return felt
                                ? "filled the disk until an append failed, then freed it"
                                : "filled the disk (no append failed within 5 s), then freed it";
                    },
                    disk);
        } catch (Exception | Error e) {
            disk.close();
            throw e;
        }
    }
}
