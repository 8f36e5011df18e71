package course.gil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small grouped bar chart as SVG text: groups along the bottom, one bar per series in each
 * group, a legend, and optional dashed reference lines. Just enough for the chapter's figures.
 */
final class BarChart {

    record Series(String name, double[] values) {
    }

    record Line(double y, String label) {
    }

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#76b7b2", "#e15759"};
    private static final int WIDTH = 560;
    private static final int PLOT_HEIGHT = 210;
    private static final int LEGEND_ROW = 15;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int AXIS_LABELS = 26;

    private final String title;
    private final String yLabel;
    private final List<String> groups;
    private final List<Series> series = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    BarChart(String title, String yLabel, List<String> groups) {
        this.title = title;
        this.yLabel = yLabel;
        this.groups = groups;
    }

    BarChart series(String name, double... values) {
        series.add(new Series(name, values));
        return this;
    }

    BarChart line(double y, String label) {
        lines.add(new Line(y, label));
        return this;
    }

    String svg() {
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        for (Line l : lines) {
            max = Math.max(max, l.y());
        }
        double top = niceCeiling(max * 1.1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = PLOT_HEIGHT;
        List<List<Integer>> legendRows = legendRows(plotWidth);
        int svgHeight = TOP + plotHeight + AXIS_LABELS + LEGEND_ROW * legendRows.size() + 6;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, svgHeight, WIDTH, svgHeight));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, svgHeight));
        svg.append(text(WIDTH / 2.0, 18, "middle", 13, escape(title)));
        for (int i = 0; i <= 4; i++) { // y axis ticks
            double value = top * i / 4;
            double y = TOP + plotHeight - plotHeight * value / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotWidth, y));
            svg.append(text(LEFT - 6, y + 4, "end", 11, format(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                + "%s</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2, escape(yLabel)));
        double groupWidth = (double) plotWidth / groups.size();
        double barWidth = groupWidth * 0.7 / series.size();
        for (int g = 0; g < groups.size(); g++) {
            double groupLeft = LEFT + g * groupWidth + groupWidth * 0.15;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[g];
                double height = plotHeight * value / top;
                double x = groupLeft + s * barWidth;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                        + " fill=\"%s\"/>%n", x, TOP + plotHeight - height, barWidth - 2, height, COLOURS[s % COLOURS.length]));
                svg.append(text(x + barWidth / 2 - 1, TOP + plotHeight - height - 3, "middle", 10, format(value)));
            }
            svg.append(text(LEFT + g * groupWidth + groupWidth / 2, TOP + plotHeight + 16, "middle", 11,
                    escape(groups.get(g))));
        }
        for (Line l : lines) {
            double y = TOP + plotHeight - plotHeight * l.y() / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\""
                    + " stroke-dasharray=\"4 3\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(text(LEFT + plotWidth - 2, y - 4, "end", 10, escape(l.label())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        for (int row = 0; row < legendRows.size(); row++) { // the legend, under the chart, in rows that fit
            double legendX = LEFT;
            int y = TOP + plotHeight + AXIS_LABELS + LEGEND_ROW * row;
            for (int s : legendRows.get(row)) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\""
                        + " fill=\"%s\"/>%n", legendX, y, COLOURS[s % COLOURS.length]));
                svg.append(text(legendX + 14, y + 9, "start", 10, escape(series.get(s).name())));
                legendX += legendWidth(s);
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Which series go in which row of the legend, so that no row is wider than {@code width}. */
    private List<List<Integer>> legendRows(int width) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int s = 0; s < series.size(); s++) {
            if (!row.isEmpty() && used + legendWidth(s) > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(s);
            used += legendWidth(s);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private double legendWidth(int s) {
        return 24 + 5.6 * series.get(s).name().length();
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, content);
    }

    private static double niceCeiling(double value) {
        double[] steps = {1, 2, 2.5, 5, 10};
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : steps) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
