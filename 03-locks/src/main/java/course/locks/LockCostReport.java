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
 * figures and an AsciiDoc table, each stating the machine, the JDK, the date and the load. The
 * book's chart renderer draws the chart from the CSV ({@code java -cp docs/target/classes course.book.charts.ResultCharts}, from the repository's root,
 * once the book's classes are built), as it draws every chart of the book.
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
     * Writes lock-cost.csv and lock-cost.adoc into {@code directory}.
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
        System.out.println("wrote lock-cost.csv and lock-cost.adoc to " + directory.toAbsolutePath());
        System.out.println("now redraw the chart from the CSV: from the repository's root, once the book's classes are"
                + " built, java -cp docs/target/classes course.book.charts.ResultCharts");
    }

    /**
     * Writes the table again from the CSV of an earlier run, without measuring:
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

    private static Measurement find(List<Measurement> measurements, String benchmark, int threads) {
        return measurements.stream().filter(m -> m.benchmark().equals(benchmark) && m.threads() == threads)
                .findFirst().orElse(null);
    }
}
