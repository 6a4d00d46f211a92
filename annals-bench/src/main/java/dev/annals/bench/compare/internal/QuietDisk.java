package dev.annals.bench.compare.internal;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the disk settle before a measurement: what an earlier measurement left to be written must not be
 * written during this one. Without it the systems measured one after another do not meet the same disk:
 * Linux writes dirty pages back 30 seconds after they were dirtied ({@code vm.dirty_expire_centisecs}),
 * and PostgreSQL spreads a checkpoint's writes over minutes ({@code checkpoint_completion_target}), so
 * the first rows of the system after PostgreSQL's batches shared the disk's fsyncs with that writeback
 * (docs/adr/0049).
 *
 * <p>Settling asks the PostgreSQL server of the run, if there is one, for a {@code CHECKPOINT} (its dirty
 * buffers written and synced now), then runs the operating system's {@code sync} (every dirty page
 * written). Either may be unavailable (a user without the right to checkpoint, a system without
 * {@code sync}): the run goes on without it, and says so once in the log.
 */
public final class QuietDisk {

    private static final Logger LOG = LoggerFactory.getLogger(QuietDisk.class);
    private static final long SYNC_TIMEOUT_SECONDS = 120;

    private final Optional<String> postgresUrl;
    private final String postgresUser;
    private boolean checkpointRefused;
    private boolean syncMissing;

    /**
     * @param postgresUrl  the run's PostgreSQL server, or empty when the run leaves PostgreSQL out
     * @param postgresUser the user that asks for the checkpoint
     */
    public QuietDisk(Optional<String> postgresUrl, String postgresUser) {
        this.postgresUrl = postgresUrl;
        this.postgresUser = postgresUser;
    }

    /** Writes out what is waiting to be written, and returns when it is on disk (or cannot be). */
    public void settle() {
        postgresUrl.ifPresent(this::checkpoint);
        sync();
    }

    private void checkpoint(String url) {
        if (checkpointRefused) {
            return;
        }
        var credentials = new Properties();
        credentials.setProperty("user", postgresUser);
        credentials.setProperty("connectTimeout", "3");
        try (var connection = DriverManager.getConnection(url, credentials);
                var statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            checkpointRefused = true;
            LOG.warn(
                    "the comparison cannot ask PostgreSQL for a checkpoint before each measurement ({}); its"
                            + " writeback may fall into later measurements",
                    e.getMessage());
        }
    }

    private void sync() {
        if (syncMissing) {
            return;
        }
        try {
            var process = new ProcessBuilder("sync")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                LOG.warn("sync did not finish within {} s; the measurement starts anyway", SYNC_TIMEOUT_SECONDS);
            }
        } catch (IOException e) {
            syncMissing = true;
            LOG.warn(
                    "this system has no sync command ({}); measurements may share the disk with earlier ones'"
                            + " writeback",
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
