package dev.annals.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

import static java.util.Objects.requireNonNull;

/**
 * Draws the append comparison as a PNG, headless: events/s (log scale) against writers for each system,
 * one panel for single-event appends and one for 100-event appends. Contended workloads are left out:
 * their writers share streams, so they are not a point on the same line.
 */
public final class ThroughputChart {

    private static final int PANEL_WIDTH = 420;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xd62728),
        new Color(0x8c564b),
        new Color(0x7f7f7f)
    };

    private ThroughputChart() {}

    /** Writes the chart of {@code results} to {@code file}, replacing it. */
    public static void write(List<WorkloadResult> results, Path file) {
        requireNonNull(results, "results");
        requireNonNull(file, "file");
        System.setProperty("java.awt.headless", "true");
        var image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        var bySystem = AppendComparison.bySystem(results);
        double max = results.stream()
                .flatMap(result -> result.outcomes().stream())
                .filter(SystemOutcome.Measured.class::isInstance)
                .mapToDouble(
                        outcome -> ((SystemOutcome.Measured) outcome).result().eventsPerSecond())
                .max()
                .orElse(10);
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(10, max))));
        panel(g, 0, "1 event per append", 1, results, bySystem, top);
        panel(g, PANEL_WIDTH, "100 events per append", 100, results, bySystem, top);
        legend(g, bySystem);
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chart to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void panel(
            Graphics2D g,
            int left,
            String title,
            int batch,
            List<WorkloadResult> results,
            Map<String, List<SystemOutcome>> bySystem,
            double top) {
        int x0 = left + MARGIN;
        int x1 = left + PANEL_WIDTH - 20;
        int y0 = HEIGHT - 40;
        int y1 = 50;
        double bottom = 100;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x0, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
        for (double tick = bottom; tick <= top; tick *= 10) {
            int y = yOf(tick, bottom, top, y0, y1);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, y, x1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%,.0f", tick), left + 4, y + 4);
        }
        int[] writers = {1, 8, 64};
        for (int i = 0; i < writers.length; i++) {
            g.drawString(writers[i] + (i == 0 ? " writer" : " writers"), xOf(i, x0, x1) - 18, y0 + 18);
        }
        g.drawString("events/s (log scale)", left + 4, 38);
        int colour = 0;
        for (var system : bySystem.entrySet()) {
            g.setColor(COLORS[colour++ % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int lastX = -1;
            int lastY = -1;
            for (int i = 0; i < results.size(); i++) {
                var workload = results.get(i).workload();
                int slot = java.util.Arrays.binarySearch(writers, workload.writers());
                if (workload.batch() != batch
                        || workload.contended()
                        || slot < 0
                        || !(system.getValue().get(i) instanceof SystemOutcome.Measured measured)) {
                    continue;
                }
                int x = xOf(slot, x0, x1);
                int y = yOf(Math.max(bottom, measured.result().eventsPerSecond()), bottom, top, y0, y1);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
        }
    }

    private static void legend(Graphics2D g, Map<String, List<SystemOutcome>> bySystem) {
        int x = MARGIN;
        int colour = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (var system : bySystem.entrySet()) {
            Color color = COLORS[colour++ % COLORS.length];
            boolean measured = system.getValue().stream().anyMatch(SystemOutcome.Measured.class::isInstance);
            if (!measured) {
                continue;
            }
            g.setColor(color);
            g.fillRect(x, HEIGHT + 12, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(system.getKey(), x + 16, HEIGHT + 23);
            x += 30 + g.getFontMetrics().stringWidth(system.getKey());
        }
    }

    private static int xOf(int slot, int x0, int x1) {
        return x0 + 30 + slot * (x1 - x0 - 60) / 2;
    }

    private static int yOf(double value, double bottom, double top, int y0, int y1) {
        double fraction = (Math.log10(value) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom));
        return (int) Math.round(y0 - fraction * (y0 - y1));
    }
}
