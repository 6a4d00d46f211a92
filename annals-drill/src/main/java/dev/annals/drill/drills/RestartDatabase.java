package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.fault.ThrowawayPostgres;
import dev.annals.drill.load.RunningLoad;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code restart-database}: restarts the database server mid-load. By default a throwaway PostgreSQL of the
 * drill's own; an operator's own database only with {@code --allow-restart COMMAND}, which the drill runs
 * (in a shell) to restart it. Recovery is the time from the restart's end to the next acknowledged append.
 */
public final class RestartDatabase implements Drill {

    @Override
    public String name() {
        return "restart-database";
    }

    @Override
    public String summary() {
        return "restart the database server mid-load (a throwaway PostgreSQL unless --allow-restart)";
    }

    @Override
    public Optional<String> cannotRun(DrillSettings settings) {
        return settings.allowRestart() ? Optional.empty() : ThrowawayPostgres.unavailable();
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) throws Exception {
        ThrowawayPostgres server = settings.allowRestart() ? null : ThrowawayPostgres.start();
        try {
            String location = server == null ? settings.location() : server.location("drill");
            var load = RunningLoad.start(
                    settings.backends().open(location, OpenOptions.defaults()), streamPrefix, settings.quick());
            return LoadSession.around(load, () -> new LoadSession(load, number -> restart(settings, server), server));
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static String restart(DrillSettings settings, ThrowawayPostgres server) throws Exception {
        if (server != null) {
            server.restart();
            return "restarted the throwaway PostgreSQL";
        }
        var process = new ProcessBuilder("sh", "-c", settings.restartCommand().orElseThrow())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new DrillFailure("the restart command failed: " + output.strip());
        }
        return "restarted the database with the given command";
    }
}
