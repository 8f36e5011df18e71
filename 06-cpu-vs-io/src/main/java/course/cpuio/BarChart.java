package course.cpuio;

import java.util.List;
import java.util.Locale;

/** A small horizontal bar chart as SVG text, with one dashed reference line: enough for the book. */
public final class BarChart {

    /** One bar: its label, its value, and the text printed after it. */
    public record Bar(String label, double value, String text) {
    }

    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 360;
    private static final int BAR_HEIGHT = 22;
    private static final int GAP = 8;
    private static final int TOP = 40;

    private BarChart() {
    }

    /**
     * @param reference      where to draw the dashed line (e.g. the number of cores), in the bars' unit
     * @param referenceLabel what the line means
     */
    public static String svg(String title, String subtitle, List<Bar> bars, double reference, String referenceLabel) {
        double max = Math.max(reference, bars.stream().mapToDouble(Bar::value).max().orElse(1)) * 1.1;
        int height = TOP + bars.size() * (BAR_HEIGHT + GAP) + 30;
        int width = LABEL_WIDTH + PLOT_WIDTH + 90;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"32\" fill=\"#555\">%s</text>%n", escape(subtitle)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * (BAR_HEIGHT + GAP);
            double length = PLOT_WIDTH * bar.value() / max;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + 15, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a78b5\"/>%n",
                    LABEL_WIDTH, y, length, BAR_HEIGHT));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH + length + 6, y + 15, escape(bar.text())));
        }
        double x = LABEL_WIDTH + PLOT_WIDTH * reference / max;
        int bottom = TOP + bars.size() * (BAR_HEIGHT + GAP);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\""
                + " stroke-dasharray=\"5,4\"/>%n", x, TOP - 4, x, bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#c0392b\" text-anchor=\"middle\">%s</text>%n",
                x, bottom + 16, escape(referenceLabel)));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
