package io.karapace.jvm.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Mean latency against connections, one line per series, both axes logarithmic; drawn headless. A reference
 * is dashed in its figure's colour.
 */
public final class LatencyPlot {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 700;
    private static final int LEFT = 80;
    private static final int TOP = 50;
    private static final int PLOT_WIDTH = 620;
    private static final int PLOT_HEIGHT = 560;
    static final String NGINX = "nginx: ";
    static final String RAW_PRODUCER = "raw producer: ";
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private LatencyPlot() {
    }

    /** Series with results at two or more concurrency levels, points sorted by connections. */
    static Map<String, List<LoadResult>> series(List<LoadResult> results) {
        Map<String, List<LoadResult>> bySeries = new LinkedHashMap<>();
        results.forEach(r -> bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r));
        bySeries.values().removeIf(points -> points.stream().map(LoadResult::connections).distinct().count() < 2);
        bySeries.values().forEach(points -> points.sort(Comparator.comparingInt(LoadResult::connections)));
        return bySeries;
    }

    public static void write(List<LoadResult> results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<LoadResult>> series = series(results);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        LogScale x = LogScale.of(series.values().stream().flatMap(List::stream).mapToDouble(LoadResult::connections)
                .toArray(), LEFT, LEFT + PLOT_WIDTH);
        LogScale y = LogScale.of(series.values().stream().flatMap(List::stream)
                .mapToDouble(r -> Math.max(r.latency().meanMs(), 0.001)).toArray(), TOP + PLOT_HEIGHT, TOP);
        drawAxes(g, x, y);
        List<String> figures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<LoadResult>> entry : series.entrySet()) {
            String figure = figureOf(entry.getKey());
            if (!figures.contains(figure)) {
                figures.add(figure);
            }
            Color color = PALETTE[figures.indexOf(figure) % PALETTE.length];
            drawSeries(g, entry.getKey(), entry.getValue(), x, y, color, isReference(entry.getKey()), index++);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void drawAxes(Graphics2D g, LogScale x, LogScale y) {
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        g.drawString("mean latency (ms, log) vs connections (log)", LEFT, TOP - 20);
        for (double tick : x.ticks()) {
            int px = x.pixel(tick);
            g.drawLine(px, TOP + PLOT_HEIGHT, px, TOP + PLOT_HEIGHT + 5);
            g.drawString(label(tick), px - 8, TOP + PLOT_HEIGHT + 20);
        }
        g.drawString("connections", LEFT + PLOT_WIDTH / 2 - 30, TOP + PLOT_HEIGHT + 40);
        for (double tick : y.ticks()) {
            int py = y.pixel(tick);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, py, LEFT + PLOT_WIDTH, py);
            g.setColor(Color.BLACK);
            g.drawString(label(tick), LEFT - 50, py + 4);
        }
    }

    /** A reference series is named after its figure: "nginx: GET ..." or "raw producer: binary, ...". */
    static boolean isReference(String series) {
        return series.startsWith(NGINX) || series.startsWith(RAW_PRODUCER);
    }

    static String figureOf(String series) {
        return series.startsWith(NGINX) ? series.substring(NGINX.length())
                : series.startsWith(RAW_PRODUCER) ? series.substring(RAW_PRODUCER.length()) : series;
    }

    private static void drawSeries(Graphics2D g, String name, List<LoadResult> points, LogScale x, LogScale y,
                                   Color color, boolean dashed, int index) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2f));
        int previousX = -1;
        int previousY = -1;
        for (LoadResult point : points) {
            int px = x.pixel(point.connections());
            int py = y.pixel(Math.max(point.latency().meanMs(), 0.001));
            g.fillOval(px - 3, py - 3, 7, 7);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, px, py);
            }
            previousX = px;
            previousY = py;
        }
        int legendY = TOP + 10 + index * 18;
        g.drawLine(LEFT + PLOT_WIDTH + 20, legendY, LEFT + PLOT_WIDTH + 40, legendY);
        g.setColor(Color.BLACK);
        g.drawString(name, LEFT + PLOT_WIDTH + 46, legendY + 4);
    }

    private static String label(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
    }

    /** Maps values to pixels on a base-10 logarithmic axis spanning whole decades around the data. */
    record LogScale(double minExponent, double maxExponent, int fromPixel, int toPixel) {
        static LogScale of(double[] values, int fromPixel, int toPixel) {
            double min = 1;
            double max = 10;
            if (values.length > 0) {
                min = java.util.Arrays.stream(values).min().orElse(1);
                max = java.util.Arrays.stream(values).max().orElse(10);
            }
            double low = Math.floor(Math.log10(min));
            double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
            return new LogScale(low, high, fromPixel, toPixel);
        }

        int pixel(double value) {
            double fraction = (Math.log10(value) - minExponent) / (maxExponent - minExponent);
            return (int) Math.round(fromPixel + fraction * (toPixel - fromPixel));
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double exponent = minExponent; exponent <= maxExponent; exponent++) {
                for (int step : new int[] {1, 2, 5}) {
                    double value = step * Math.pow(10, exponent);
                    if (Math.log10(value) <= maxExponent + 1e-9) {
                        ticks.add(value);
                    }
                }
            }
            return ticks;
        }
    }
}
