package course.book.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the book's charts (SVG files) as text: the axis has ticks (texts of class "tick") at round
 * numbers, and no text lies over a line. Round: every tick a power of ten (a log scale), or the
 * ticks evenly spaced by 1, 2 or 5 times a power of ten, each a multiple of that step (0, 0.5, 1, 1.5;
 * 0, 50, 100; not 0, 0.63, 1.25, 1.88). A text's box is estimated from its position, anchor, size and number of
 * characters, generously ({@link BarChart#CHAR_WIDTH_EM} per character); a line's from its ends.
 *
 * <pre>
 *   java -cp docs/target/classes course.book.charts.ChartCheck chart.svg...
 * </pre>
 * Prints each problem and exits with 1 if there is one (.ci/check-book runs it on every chart).
 */
public final class ChartCheck {

    private static final Pattern TEXT = Pattern.compile("<text ([^>]*)>([^<]*)</text>");
    private static final Pattern LINE = Pattern.compile("<line ([^>]*)/>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");
    private static final Pattern FONT_SIZE = Pattern.compile("<svg [^>]*font-size=\"([\\d.]+)\"");

    record Box(double left, double top, double right, double bottom) {

        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }
    }

    private ChartCheck() {
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : args) {
            problems.addAll(problems(file, Files.readString(Path.of(file))));
        }
        problems.forEach(System.err::println);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    static List<String> problems(String name, String svg) {
        List<String> problems = new ArrayList<>();
        List<String> ticks = new ArrayList<>();
        List<Box> lines = new ArrayList<>();
        Matcher line = LINE.matcher(svg);
        while (line.find()) {
            lines.add(lineBox(attributes(line.group(1))));
        }
        double defaultSize = defaultFontSize(svg);
        Matcher text = TEXT.matcher(svg);
        while (text.find()) {
            Map<String, String> attributes = attributes(text.group(1));
            String content = text.group(2);
            if ("tick".equals(attributes.get("class"))) {
                ticks.add(content);
            }
            if (attributes.containsKey("transform")) {
                continue; // turned: its box is not where x and y say
            }
            Box box = textBox(attributes, content, defaultSize);
            if (lines.stream().anyMatch(box::overlaps)) {
                problems.add(name + ": the label \"" + content + "\" lies over a line");
            }
        }
        if (ticks.size() < 2) {
            problems.add(name + ": no axis with ticks (text class=\"tick\")");
        }
        if (ticks.size() >= 2 && !round(ticks.stream().map(ChartCheck::number).toList())) {
            problems.add(name + ": the axis ticks " + ticks + " are not round numbers");
        }
        return problems;
    }

    static boolean round(List<Double> ticks) {
        if (ticks.stream().allMatch(tick -> whole(Math.log10(tick)))) {
            return true;
        }
        double step = ticks.get(1) - ticks.get(0);
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step))); // 1 <= mantissa < 10
        if (!(whole(mantissa) && List.of(1L, 2L, 5L).contains(Math.round(mantissa)))) {
            return false;
        }
        for (int i = 0; i < ticks.size(); i++) {
            boolean evenlySpaced = i == 0 || Math.abs(ticks.get(i) - ticks.get(i - 1) - step) < step * 1e-6;
            if (!evenlySpaced || !whole(ticks.get(i) / step)) {
                return false;
            }
        }
        return true;
    }

    private static boolean whole(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-6;
    }

    /** A tick's number: its thousands separators and any unit after it dropped ("1,000 ms" is 1000). */
    private static double number(String tick) {
        String digits = tick.replace(",", "").replaceAll("[^0-9.\\-].*$", "").strip();
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private static Box textBox(Map<String, String> attributes, String content, double defaultSize) {
        double size = Double.parseDouble(attributes.getOrDefault("font-size", String.valueOf(defaultSize)));
        double x = Double.parseDouble(attributes.get("x"));
        double y = Double.parseDouble(attributes.get("y"));
        double width = unescape(content).length() * size * BarChart.CHAR_WIDTH_EM;
        double left = switch (attributes.getOrDefault("text-anchor", "start")) {
            case "middle" -> x - width / 2;
            case "end" -> x - width;
            default -> x;
        };
        return new Box(left, y - 0.8 * size, left + width, y + 0.2 * size);
    }

    private static Box lineBox(Map<String, String> attributes) {
        double x1 = Double.parseDouble(attributes.get("x1"));
        double y1 = Double.parseDouble(attributes.get("y1"));
        double x2 = Double.parseDouble(attributes.get("x2"));
        double y2 = Double.parseDouble(attributes.get("y2"));
        double half = 0.5; // of a stroke one unit wide
        return new Box(Math.min(x1, x2) - half, Math.min(y1, y2) - half, Math.max(x1, x2) + half,
                Math.max(y1, y2) + half);
    }

    private static double defaultFontSize(String svg) {
        Matcher size = FONT_SIZE.matcher(svg);
        return size.find() ? Double.parseDouble(size.group(1)) : 16;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
