package course.book.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The book's one kind of chart, as SVG text: horizontal bars, one row per category and one bar per
 * series in each row, each bar's value printed after it, an axis whose ticks fall on round numbers,
 * and where the data has them, each bar's spread (fastest to slowest run) as a whisker and a dashed
 * reference line (such as the number of cores). Every chart in the book is drawn here, so all of
 * them look alike.
 *
 * <p>Text widths are estimated ({@link #textWidth}); a value's label that would cross the reference
 * line is moved past it.
 */
public final class BarChart {

    /** One bar: its value, and the spread of the runs behind it (NaN when the data has none). */
    public record Bar(double value, double low, double high) {

        public static Bar of(double value) {
            return new Bar(value, Double.NaN, Double.NaN);
        }

        boolean hasSpread() {
            return !Double.isNaN(low);
        }

        /** Where the bar's drawing ends: its value, or its whisker's end. */
        double reach() {
            return hasSpread() ? Math.max(value, high) : value;
        }
    }

    private record Row(String label, List<Bar> bars) {
    }

    private record Reference(double value, String label) {
    }

    /** Roughly how wide a character is, in ems: generous, so that estimates err on the wide side. */
    static final double CHAR_WIDTH_EM = 0.6;

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};
    private static final String INK = "#222";
    private static final String GREY = "#555";
    private static final int WIDTH = 640;
    private static final int LABEL_FONT = 12;
    private static final int SMALL_FONT = 11;
    private static final int BAR_HEIGHT = 14;
    private static final int BAR_GAP = 2;
    private static final int ROW_GAP = 10;
    private static final int LEGEND_ROW = 16;
    private static final int TARGET_TICKS = 6;

    private final String title;
    private final String axisTitle;
    private final List<String> series = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private Reference reference;
    private String spreadName;
    private boolean logScale;
    private DoubleFunction<String> valueText = value -> String.format(Locale.ROOT, "%,.2f", value);

    /**
     * @param title     what the chart shows, at its top
     * @param axisTitle what the axis counts, and in which unit, under it
     */
    public BarChart(String title, String axisTitle) {
        this.title = title;
        this.axisTitle = axisTitle;
    }

    /** The series' names, in the order of each row's bars; they make the legend. */
    public BarChart series(String... names) {
        series.addAll(List.of(names));
        return this;
    }

    public BarChart row(String label, Bar... bars) {
        rows.add(new Row(label, List.of(bars)));
        return this;
    }

    public BarChart reference(double value, String label) {
        reference = new Reference(value, label);
        return this;
    }

    /** Names the whiskers in the legend (for bars with a spread). */
    public BarChart spread(String name) {
        spreadName = name;
        return this;
    }

    /** A logarithmic axis, ticked at the powers of ten. */
    public BarChart logScale() {
        logScale = true;
        return this;
    }

    /** How a bar's value is printed after it. */
    public BarChart values(DoubleFunction<String> text) {
        valueText = text;
        return this;
    }

    public String svg() {
        Layout layout = new Layout();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"%d\" role=\"img\">%n",
                WIDTH, layout.height(), WIDTH, layout.height(), LABEL_FONT));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH,
                layout.height()));
        svg.append(text(8, 18, "start", 13, INK, title, " font-weight=\"bold\""));
        drawLegend(svg, layout);
        drawRows(svg, layout);
        drawAxis(svg, layout);
        drawReference(svg, layout);
        return svg.append("</svg>\n").toString();
    }

    /** Where everything goes: the columns, the axis's range, and the rows' heights. */
    private final class Layout {
        final List<List<Integer>> legendRows = legendRows();
        /** The plot starts after the longest row label, and ends where the longest value label still fits. */
        final int left = 16 + rows.stream().mapToInt(r -> textWidth(r.label(), LABEL_FONT)).max().orElse(0);
        final int right = WIDTH - 12 - rows.stream().flatMap(r -> r.bars().stream())
                .mapToInt(b -> textWidth(valueText.apply(b.value()), SMALL_FONT)).max().orElse(0) - 8;
        final int plotTop = 28 + LEGEND_ROW * legendRows.size() + (reference == null ? 4 : 18);
        final double[] ticks = logScale ? logTicks() : linearTicks();

        int rowHeight() {
            return series.size() * BAR_HEIGHT + (series.size() - 1) * BAR_GAP + ROW_GAP;
        }

        int axisY() {
            return plotTop + rows.size() * rowHeight() - ROW_GAP + 6;
        }

        int height() {
            return axisY() + 42;
        }

        double x(double value) {
            double first = ticks[0];
            double last = ticks[ticks.length - 1];
            double share = logScale ? Math.log(value / first) / Math.log(last / first) : (value - first) / (last - first);
            return left + (right - left) * share;
        }
    }

    private void drawRows(StringBuilder svg, Layout layout) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int top = layout.plotTop + r * layout.rowHeight();
            double middle = top + (layout.rowHeight() - ROW_GAP) / 2.0;
            svg.append(text(layout.left - 8, middle + 4, "end", LABEL_FONT, INK, row.label(), ""));
            for (int b = 0; b < row.bars().size(); b++) {
                drawBar(svg, layout, row.bars().get(b), top + b * (BAR_HEIGHT + BAR_GAP), COLOURS[b % COLOURS.length]);
            }
        }
    }

    private void drawBar(StringBuilder svg, Layout layout, Bar bar, int top, String colour) {
        double end = layout.x(bar.value());
        double middle = top + BAR_HEIGHT / 2.0;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                layout.left, top, Math.max(1, end - layout.left), BAR_HEIGHT, colour));
        if (bar.hasSpread()) {
            drawWhisker(svg, layout.x(bar.low()), layout.x(bar.high()), middle);
        }
        String label = valueText.apply(bar.value());
        svg.append(text(valueLabelX(layout, layout.x(bar.reach()) + 5, label), middle + 4, "start", SMALL_FONT, INK,
                label, ""));
    }

    /** After the bar (or its whisker); past the reference line if the label would cross it. */
    private double valueLabelX(Layout layout, double x, String label) {
        if (reference == null) {
            return x;
        }
        double line = layout.x(reference.value());
        boolean crosses = x - 3 < line && x + textWidth(label, SMALL_FONT) + 3 > line;
        return crosses ? line + 5 : x;
    }

    private static void drawWhisker(StringBuilder svg, double from, double to, double y) {
        svg.append(line(from, y, to, y, INK, ""));
        svg.append(line(from, y - 4, from, y + 4, INK, ""));
        svg.append(line(to, y - 4, to, y + 4, INK, ""));
    }

    private void drawAxis(StringBuilder svg, Layout layout) {
        int y = layout.axisY();
        svg.append(line(layout.left, y, layout.right, y, GREY, ""));
        double step = logScale ? 0 : layout.ticks[1] - layout.ticks[0];
        for (double tick : layout.ticks) {
            double x = layout.x(tick);
            svg.append(line(x, y, x, y + 4, GREY, ""));
            svg.append(text(x, y + 16, "middle", SMALL_FONT, GREY, tickText(tick, step), " class=\"tick\""));
        }
        svg.append(text((layout.left + layout.right) / 2.0, y + 34, "middle", SMALL_FONT, GREY, axisTitle, ""));
    }

    private void drawReference(StringBuilder svg, Layout layout) {
        if (reference == null) {
            return;
        }
        double x = layout.x(reference.value());
        svg.append(line(x, layout.plotTop - 4, x, layout.axisY(), GREY, " stroke-dasharray=\"5 4\""));
        svg.append(text(x, layout.plotTop - 8, "middle", SMALL_FONT, GREY, reference.label(), ""));
    }

    private void drawLegend(StringBuilder svg, Layout layout) {
        for (int r = 0; r < layout.legendRows.size(); r++) {
            int y = 28 + LEGEND_ROW * r;
            double x = 8; // under the title
            for (int item : layout.legendRows.get(r)) {
                if (item < series.size()) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\""
                            + " fill=\"%s\"/>%n", x, y, COLOURS[item % COLOURS.length]));
                } else {
                    drawWhisker(svg, x, x + 14, y + 5);
                }
                svg.append(text(x + 18, y + 9, "start", SMALL_FONT, INK, legendName(item), ""));
                x += legendWidth(item);
            }
        }
    }

    /** The legend's items (the series, then the whisker) in rows that fit the chart's width. */
    private List<List<Integer>> legendRows() {
        int items = (series.size() > 1 ? series.size() : 0) + (spreadName == null ? 0 : 1);
        int first = series.size() > 1 ? 0 : series.size();
        List<List<Integer>> legend = new ArrayList<>();
        double used = Double.MAX_VALUE;
        for (int item = first; item < first + items; item++) {
            if (used + legendWidth(item) > WIDTH - 16) {
                legend.add(new ArrayList<>());
                used = 0;
            }
            legend.getLast().add(item);
            used += legendWidth(item);
        }
        return legend;
    }

    private String legendName(int item) {
        return item < series.size() ? series.get(item) : spreadName;
    }

    private double legendWidth(int item) {
        return 18 + textWidth(legendName(item), SMALL_FONT) + 18;
    }

    /** Ticks 1, 2 or 5 times a power of ten apart, from zero to past the longest bar or line. */
    private double[] linearTicks() {
        double top = reach();
        double rough = top / TARGET_TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = 10 * power;
        for (double multiple : new double[] {1, 2, 5}) {
            if (multiple * power >= rough) {
                step = multiple * power;
                break;
            }
        }
        int count = (int) Math.ceil(top / step - 1e-9);
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /** Ticks at the powers of ten, from below the shortest bar to past the longest. */
    private double[] logTicks() {
        double shortest = rows.stream().flatMap(r -> r.bars().stream()).mapToDouble(Bar::value).min().orElse(1);
        int low = (int) Math.floor(Math.log10(shortest));
        int high = (int) Math.ceil(Math.log10(reach()));
        double[] ticks = new double[high - low + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Math.pow(10, low + i);
        }
        return ticks;
    }

    /** The largest value drawn: a bar, a whisker or the reference line. */
    private double reach() {
        double bars = rows.stream().flatMap(r -> r.bars().stream()).mapToDouble(Bar::reach).max().orElse(1);
        return reference == null ? bars : Math.max(bars, reference.value());
    }

    /** A tick's number with as many decimals as the step needs, thousands separated. */
    private static String tickText(double tick, double step) {
        double unit = step > 0 ? step : tick; // a linear axis's step, or a log axis's power of ten
        int decimals = unit < 1 ? (int) Math.ceil(-Math.log10(unit) - 1e-9) : 0;
        return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
    }

    static int textWidth(String text, int fontSize) {
        return (int) Math.ceil(text.length() * fontSize * CHAR_WIDTH_EM);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String more) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, more);
    }

    private static String text(double x, double y, String anchor, int size, String colour, String content,
                               String more) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\""
                + " fill=\"%s\"%s>%s</text>%n", x, y, anchor, size, colour, more, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
