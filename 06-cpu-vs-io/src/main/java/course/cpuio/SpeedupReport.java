package course.cpuio;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The lesson's benchmark: measures what parallelism buys, prints the speed-ups, and writes them
 * where the book includes them ({@code src/docs/asciidoc/results/}): an AsciiDoc table and a CSV
 * for CPU-bound work (JMH, {@link CpuBoundBenchmark}), the same for IO-bound work (plain timings
 * against a {@link LocalServer}), and a table of what processes cost. The book's chart renderer
 * draws the charts from the CSVs ({@code java -cp docs/target/classes course.book.charts.ResultCharts}, from the repository's root, once the book's classes
 * are built).
 * <pre>
 *   ./mvnw -q compile exec:exec -pl 06-cpu-vs-io -Ddemo=SpeedupReport
 * </pre>
 * It takes three to four minutes. Speed-ups on a shared machine are figures of that machine at
 * that moment: the files say which machine, which JDK, which day, and how busy it was.
 */
public final class SpeedupReport {

    private static final Path RESULTS = Path.of("src", "docs", "asciidoc", "results");
    private static final Duration SERVER_DELAY = Duration.ofMillis(50);
    private static final int IO_REPEATS = 3;

    private SpeedupReport() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(RESULTS);
        String machine = machine();
        System.out.println(machine);
        String only = args.length > 0 ? args[0].strip() : "";   // -Ddemo.args=cpu|io|processes: one part only
        if (only.isEmpty() || only.equals("cpu")) {
            writeCpuBound(machine);
        }
        if (only.isEmpty() || only.equals("io")) {
            writeIoBound(machine);
        }
        if (only.isEmpty() || only.equals("processes")) {
            writeProcessCosts(machine);
        }
        System.out.println("written to " + RESULTS.toAbsolutePath());
        System.out.println("now redraw the charts from the CSVs: from the repository's root, once the book's classes"
                + " are built, java -cp docs/target/classes course.book.charts.ResultCharts");
    }

    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d cores (shared), %s %s, JDK %s, %s, load average %.1f at the start",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.version(), LocalDate.now(), load);
    }

    // ---- CPU-bound, with JMH ----

    static void writeCpuBound(String machine) throws RunnerException, IOException {
        Options options = new OptionsBuilder().include(CpuBoundBenchmark.class.getName() + ".*").build();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var statistics = result.getPrimaryResult().getStatistics();
            scores.put(name, new double[] {statistics.getPercentile(50), statistics.getMin(), statistics.getMax()});
        }
        String[][] rows = {
                {"oneThread", "one thread", "oneThread"},
                {"fourPlatformThreads", "four platform threads", "oneThread"},
                {"poolSizedToCores", "pool, one thread per core", "oneThread"},
                {"parallelStream", "parallel stream", "oneThread"},
                {"fourProcesses", "four JVM processes", "oneThread"},
                {"deflateOneThread", "zlib (native), one thread", "deflateOneThread"},
                {"deflateTwoThreads", "zlib (native), two threads", "deflateOneThread"}};
        List<String> csv = new ArrayList<>(List.of("way,median_millis,min_millis,max_millis,speedup"));
        List<String> table = header("CPU-bound work (JMH, single-shot: 3 warm-up and 10 measured runs in a forked JVM;"
                + " median, and the fastest and slowest run)", machine, "Way,Median time,Fastest – slowest,"
                + "Speed-up over one thread (medians)");
        for (String[] row : rows) {
            double[] score = scores.get(row[0]);
            double base = scores.get(row[2])[0];
            double speedup = base / score[0];
            csv.add(String.format(Locale.ROOT, "%s,%.1f,%.1f,%.1f,%.2f", row[1], score[0], score[1], score[2], speedup));
            table.add(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f – %.0f ms | %.2fx", row[1], score[0], score[1],
                    score[2], speedup));
            System.out.printf(Locale.ROOT, "%-28s %8.1f ms  %5.2fx%n", row[1], score[0], speedup);
        }
        table.add("|===");
        Files.write(RESULTS.resolve("cpu-bound.csv"), csv);
        Files.write(RESULTS.resolve("cpu-bound.adoc"), table);
    }

    // ---- IO-bound, plain timings against a local server ----

    record IoRow(String way, int requests, int concurrency, IoBoundDemo.Run run) {
    }

    static void writeIoBound(String machine) throws IOException, InterruptedException {
        List<IoRow> rows = new ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            IoBoundDemo.runOnFreshServer("warm-up", IoBoundDemo.virtualThreads(), Duration.ZERO, client, 200);
            rows.add(io(client, "sequential", 100, 1, IoBoundDemo::sequential, Integer.MAX_VALUE));
            for (int requests : new int[] {100, 1_000, 10_000}) {
                rows.add(io(client, "100 platform threads", requests, 100, () -> IoBoundDemo.platformPool(100),
                        Integer.MAX_VALUE));
                int limit = Math.min(requests, 1_000);
                rows.add(io(client, requests > limit ? "virtual threads, 1,000 at most" : "virtual threads", requests,
                        limit, IoBoundDemo::virtualThreads, limit));
            }
        }
        double perRequest = SERVER_DELAY.toMillis() / 1000.0;
        List<String> csv = new ArrayList<>(List.of("way,requests,concurrency,seconds,requests_per_second,"
                + "littles_law_seconds,answered"));
        List<String> table = header("IO-bound work: requests to a local server that takes " + SERVER_DELAY.toMillis()
                + " ms per request (the median of " + IO_REPEATS + " runs)", machine, "Way,Requests,At once (L),Time,Little's law: N x W / L,Requests/s");
        for (IoRow row : rows) {
            double seconds = row.run().nanos() / 1e9;
            double rate = row.requests() / seconds;
            double little = row.requests() * perRequest / row.concurrency();
            csv.add(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.0f,%.3f,%d", row.way(), row.requests(),
                    row.concurrency(), seconds, rate, little, row.run().answeredRight()));
            table.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f s | %.2f s | %,.0f", row.way(),
                    row.requests(), row.concurrency(), seconds, little, rate));
            System.out.printf(Locale.ROOT, "%-32s %,6d requests  %6.2f s  (Little: %.2f s)  %,8.0f req/s  %d answered%n",
                    row.way(), row.requests(), seconds, little, rate, row.run().answeredRight());
            if (row.run().answeredRight() != row.requests()) {
                throw new IllegalStateException(row.way() + ": only " + row.run().answeredRight() + " of "
                        + row.requests() + " requests answered right (" + row.run().firstError() + "): no figures"
                        + " for a run that lost requests");
            }
        }
        table.add("|===");
        Files.write(RESULTS.resolve("io-bound.csv"), csv);
        Files.write(RESULTS.resolve("io-bound.adoc"), table);
    }

    /** Runs one way three times, each on a fresh server and executor, and keeps the median run. */
    static IoRow io(HttpClient client, String way, int requests, int concurrency,
                    java.util.function.Supplier<ExecutorService> executors, int limit)
            throws IOException, InterruptedException {
        List<IoBoundDemo.Run> runs = new ArrayList<>();
        for (int i = 0; i < IO_REPEATS; i++) {
            runs.add(IoBoundDemo.runOnFreshServer(way, executors.get(), limit, SERVER_DELAY, client, requests));
        }
        runs.sort(java.util.Comparator.comparingLong(IoBoundDemo.Run::nanos));
        return new IoRow(way, requests, concurrency, runs.get(IO_REPEATS / 2));
    }

    // ---- what processes cost ----

    static void writeProcessCosts(String machine) throws IOException, InterruptedException {
        ProcessCostDemo.Costs c = ProcessCostDemo.measure(7, 1_000_000);
        if (c.sumBack() != c.expectedSum()) {
            throw new IllegalStateException("the child summed wrong: no figures");
        }
        List<String> table = header("What a process costs, next to a thread (medians of 7 where timed)", machine,
                "Cost,A JVM process,A thread");
        table.add(String.format(Locale.ROOT, "| Start, and end at once | %,d µs | %,d µs", c.jvmStartMicros(),
                c.threadStartMicros()));
        table.add(String.format(Locale.ROOT, "| One job (primes below 300,000) in a fresh JVM, first and fifth time"
                + " | %,d µs, then %,d µs | no warm-up: the JIT's work is shared", c.firstRunMicros(), c.warmRunMicros()));
        table.add("| Memory while idle | " + (c.childRssKb().isPresent()
                ? String.format(Locale.ROOT, "%,d kB resident", c.childRssKb().getAsLong()) : "n/a")
                + " | a stack: 1,024 kB reserved, a few kB touched");
        table.add(String.format(Locale.ROOT, "| Pass %,d longs (8 MB) and get their sum back | %,d µs (through a pipe)"
                + " | %,d µs (shared memory)", c.longsSent(), c.pipeMicros(), c.inProcessMicros()));
        table.add("|===");
        Files.write(RESULTS.resolve("process-cost.adoc"), table);
        table.forEach(System.out::println);
    }

    private static List<String> header(String title, String machine, String columns) {
        List<String> lines = new ArrayList<>();
        lines.add("." + title);
        lines.add("[cols=\"" + "3," .repeat(columns.split(",").length - 1) + "3\",options=\"header\"]");
        lines.add("|===");
        lines.add("| " + String.join(" | ", columns.split(",")));
        lines.add("");
        lines.add(0, "_Measured by `SpeedupReport` on " + machine + "._");
        lines.add(1, "");
        return lines;
    }
}
