package course.locks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the benchmark's measurements into the files the book includes: a CSV of the raw
 * figures, an AsciiDoc table, and a small SVG bar chart (drawn here, by hand, so the book
 * needs no charting tool). Each states the machine, the JDK and the date.
 */
public final class LockCostReport {

    /** The article's run: 5 threads x 1,000,000 increments. */
    static final long ARTICLE_INCREMENTS = 5_000_000L;

    /** One benchmark at one thread count: increments per microsecond, all threads together, and JMH's error. */
    public record Measurement(String benchmark, int threads, double opsPerMicro, double error) {

        /** Nanoseconds per increment, for the whole program (all threads together). */
        double nanosPerIncrement() {
            return 1000.0 / opsPerMicro;
        }

        /** Milliseconds the article's 5,000,000 increments would take at this rate. */
        double articleMillis() {
            return ARTICLE_INCREMENTS * nanosPerIncrement() / 1_000_000.0;
        }
    }

    /** The benchmarks in the order the book shows them, with a label and whether the count is right. */
    static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("unsynchronized", new String[] {"no lock (volatile count++)", "no: loses updates"});
        ROWS.put("synchronizedBlock", new String[] {"synchronized", "yes"});
        ROWS.put("reentrantLock", new String[] {"ReentrantLock", "yes"});
        ROWS.put("fairReentrantLock", new String[] {"ReentrantLock(true), fair", "yes"});
        ROWS.put("atomicLong", new String[] {"AtomicLong", "yes"});
        ROWS.put("longAdder", new String[] {"LongAdder", "yes"});
    }

    private LockCostReport() {
    }

    /**
     * Writes lock-cost.csv, lock-cost.adoc and lock-cost.svg into {@code directory}.
     *
     * @param loadBefore the system load average when the benchmark began (how busy the machine was)
     */
    public static void write(Path directory, List<Measurement> measurements, double loadBefore) throws IOException {
        Files.createDirectories(directory);
        String machine = machine() + String.format(Locale.ROOT, ", load average %.1f at the start and %.1f at the end",
                loadBefore, loadAverage());
        Files.writeString(directory.resolve("lock-cost.csv"), "# " + machine + "\n" + csv(measurements));
        render(directory, measurements, machine);
    }

    private static void render(Path directory, List<Measurement> measurements, String machine) throws IOException {
        Files.writeString(directory.resolve("lock-cost.adoc"), table(measurements, machine));
        Files.writeString(directory.resolve("lock-cost.svg"), svg(measurements, machine));
        System.out.println("wrote lock-cost.csv, lock-cost.adoc and lock-cost.svg to " + directory.toAbsolutePath());
    }

    /**
     * Draws the table and the chart again from the CSV of an earlier run, without measuring:
     * {@code ./mvnw -q compile exec:exec -pl 03-locks -Ddemo=LockCostReport}.
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 && !args[0].isBlank() ? args[0].strip() : "src/docs/asciidoc/results");
        List<String> lines = Files.readAllLines(directory.resolve("lock-cost.csv"));
        String machine = lines.getFirst().startsWith("# ") ? lines.getFirst().substring(2) : "an unknown machine";
        List<Measurement> measurements = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("benchmark,")) {
                continue;
            }
            String[] cells = line.split(",");
            measurements.add(new Measurement(cells[0], Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
                    Double.parseDouble(cells[3])));
        }
        render(directory, measurements, machine);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + LocalDate.now(ZoneOffset.UTC);
    }

    /** The system load average of the last minute (runnable threads, on 2 cores), or -1 if unknown. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String csv(List<Measurement> measurements) {
        StringBuilder text = new StringBuilder(
                "benchmark,threads,increments_per_us,error_per_us,ns_per_increment,ms_for_5000000\n");
        for (Measurement m : measurements) {
            text.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%.1f%n", m.benchmark(), m.threads(),
                    m.opsPerMicro(), m.error(), m.nanosPerIncrement(), m.articleMillis()));
        }
        return text.toString();
    }

    static String table(List<Measurement> measurements, String machine) {
        StringBuilder text = new StringBuilder();
        text.append("// Written by LockCostBenchmark (LockCostReport); do not edit by hand.\n");
        text.append(".Time for the article's 5,000,000 increments on one shared counter, all threads together"
                + " (JMH throughput, converted; lower is better). Measured on ").append(machine)
                .append(", a machine shared with other work.\n");
        text.append("[cols=\"3,1,2,2,2\",options=\"header\"]\n|===\n");
        text.append("| Counter | Correct | 1 thread | 2 threads | 4 threads\n");
        for (Map.Entry<String, String[]> row : ROWS.entrySet()) {
            text.append("\n| ").append(row.getValue()[0]).append(" | ").append(row.getValue()[1]);
            for (int threads : LockCostBenchmark.THREAD_COUNTS) {
                Measurement m = find(measurements, row.getKey(), threads);
                text.append(" | ").append(m == null ? "-" : String.format(Locale.ROOT, "%,.0f ms (%.1f ns each)",
                        m.articleMillis(), m.nanosPerIncrement()));
            }
            text.append('\n');
        }
        text.append("|===\n");
        return text.toString();
    }

    /** Horizontal bars, one group per counter, one bar per thread count, on a logarithmic scale. */
    static String svg(List<Measurement> measurements, String machine) {
        int labelWidth = 200;
        int plotWidth = 420;
        int barHeight = 12;
        int groupGap = 14;
        int top = 44;
        String[] colours = {"#9ecae1", "#4292c6", "#08306b"};
        double max = measurements.stream().mapToDouble(Measurement::articleMillis).max().orElse(1);
        double min = Math.max(1, measurements.stream().mapToDouble(Measurement::articleMillis).min().orElse(1));
        double lowDecade = Math.pow(10, Math.floor(Math.log10(min)));
        double highDecade = Math.pow(10, Math.ceil(Math.log10(max)));
        List<String> parts = new ArrayList<>();
        int y = top;
        for (Map.Entry<String, String[]> row : ROWS.entrySet()) {
            parts.add(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    labelWidth - 8, y + barHeight * 2, escape(row.getValue()[0])));
            for (int i = 0; i < LockCostBenchmark.THREAD_COUNTS.length; i++) {
                Measurement m = find(measurements, row.getKey(), LockCostBenchmark.THREAD_COUNTS[i]);
                if (m != null) {
                    double width = plotWidth * Math.log(m.articleMillis() / lowDecade) / Math.log(highDecade / lowDecade);
                    parts.add(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%,.0f ms</text>",
                            labelWidth, y, Math.max(1, width), barHeight - 1, colours[i],
                            labelWidth + Math.max(1, width) + 4, y + barHeight - 2, m.articleMillis()));
                }
                y += barHeight;
            }
            y += groupGap;
        }
        int height = y + 40;
        StringBuilder axis = new StringBuilder();
        for (double tick = lowDecade; tick <= highDecade * 1.001; tick *= 10) {
            double x = labelWidth + plotWidth * Math.log(tick / lowDecade) / Math.log(highDecade / lowDecade);
            axis.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%,.0f ms</text>",
                    x, top - 4, x, y - groupGap, x, y - groupGap + 12, tick));
        }
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < LockCostBenchmark.THREAD_COUNTS.length; i++) {
            int x = labelWidth + i * 100;
            int threads = LockCostBenchmark.THREAD_COUNTS[i];
            legend.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\""
                            + " font-size=\"11\">%d thread%s</text>",
                    x, 18, colours[i], x + 14, 27, threads, threads == 1 ? "" : "s"));
        }
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\" role=\"img\">%n"
                        + "<title>Time for 5,000,000 increments of one shared counter (log scale)</title>%n"
                        + "%s%n%s%n%s%n"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">ms for 5,000,000 increments, all"
                        + " threads together (log scale), on a shared machine:</text>%n"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>%n</svg>%n",
                labelWidth + plotWidth + 90, height, labelWidth + plotWidth + 90, height,
                legend, axis, String.join("\n", parts), 10, height - 20, 10, height - 7, escape(machine));
    }

    private static Measurement find(List<Measurement> measurements, String benchmark, int threads) {
        return measurements.stream().filter(m -> m.benchmark().equals(benchmark) && m.threads() == threads)
                .findFirst().orElse(null);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
