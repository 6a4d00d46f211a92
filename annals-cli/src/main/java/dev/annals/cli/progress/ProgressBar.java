package dev.annals.cli.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * A one-line progress bar on stderr for long work: done and total, percentage and rate, redrawn in place at
 * most five times a second. Shown only when asked for ({@code --progress}) or when stderr is a terminal
 * outside CI, so that logs and CI output carry no carriage-return noise; the command's summary is printed
 * either way. Not thread-safe: drive it from the working thread.
 */
public final class ProgressBar {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final boolean shown;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastDrawn;

    private ProgressBar(PrintWriter err, String label, String unit, boolean shown, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.shown = shown;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastDrawn = started - REDRAW_NANOS;
    }

    /**
     * A bar labelled {@code label} counting {@code unit}s (such as {@code events}), shown when {@code forced}
     * or when the process has a terminal and the {@code CI} environment variable is not set.
     */
    public static ProgressBar on(PrintWriter err, String label, String unit, boolean forced) {
        requireNonNull(err, "err");
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        return new ProgressBar(
                err,
                requireNonNull(label, "label"),
                requireNonNull(unit, "unit"),
                forced || interactive,
                System::nanoTime);
    }

    /** True when the bar is drawn. */
    public boolean shown() {
        return shown;
    }

    /** Reports {@code done} of {@code total} (0 when unknown); redraws when the last drawing is old enough. */
    public void update(long done, long total) {
        long now = nanoTime.getAsLong();
        if (!shown || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        draw(done, total, now);
    }

    /** Draws the final state and ends the line, when the bar is shown. */
    public void finish(long done, long total) {
        if (!shown) {
            return;
        }
        draw(done, total, nanoTime.getAsLong());
        err.println();
        err.flush();
    }

    /** Events (or other units) per second since the bar was made. */
    public double rate(long done) {
        double seconds = (nanoTime.getAsLong() - started) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    private void draw(long done, long total, long now) {
        double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        err.print(String.format(
                Locale.ROOT,
                "\r%s [%s%s] %3.0f%% %,d/%,d %s %,.0f %s/s",
                label,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                fraction * 100,
                done,
                total,
                unit,
                done / seconds,
                unit));
        err.flush();
    }
}
