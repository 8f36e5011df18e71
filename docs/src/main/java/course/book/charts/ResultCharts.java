package course.book.charts;

import course.book.charts.BarChart.Bar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the book's charts from the benchmarks' CSV files, each into an SVG next to its CSV under
 * the chapter's {@code results/}. The benchmarks write the CSVs (and the tables); this writes the
 * charts, all with {@link BarChart}. Run it after a benchmark has refreshed its figures, from the
 * repository's root, once the book's classes are built:
 * <pre>
 *   java -cp docs/target/classes course.book.charts.ResultCharts
 * </pre>
 * With {@code --check} it writes nothing and exits with 1 if a checked-in chart differs from the
 * one its CSV gives (.ci/check-book does this).
 */
public final class ResultCharts {

    /** The cores of the machine the speed-ups were measured on, as their captions say. */
    private static final int MEASURED_CORES = 2;

    private static final Map<String, String> LOCK_COUNTERS = new LinkedHashMap<>();

    static {
        LOCK_COUNTERS.put("unsynchronized", "no lock (volatile count++)");
        LOCK_COUNTERS.put("synchronizedBlock", "synchronized");
        LOCK_COUNTERS.put("reentrantLock", "ReentrantLock");
        LOCK_COUNTERS.put("fairReentrantLock", "ReentrantLock(true), fair");
        LOCK_COUNTERS.put("atomicLong", "AtomicLong");
        LOCK_COUNTERS.put("longAdder", "LongAdder");
    }

    private ResultCharts() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        Map<Path, String> charts = charts(Path.of(""));
        List<Path> stale = new ArrayList<>();
        for (Map.Entry<Path, String> chart : charts.entrySet()) {
            if (check) {
                if (!Files.exists(chart.getKey()) || !Files.readString(chart.getKey()).equals(chart.getValue())) {
                    stale.add(chart.getKey());
                }
            } else {
                Files.writeString(chart.getKey(), chart.getValue(), StandardCharsets.UTF_8);
                System.out.println("drew " + chart.getKey());
            }
        }
        if (!stale.isEmpty()) {
            System.err.println("charts that their CSV does not give (redraw them: java -cp docs/target/classes "
                    + ResultCharts.class.getName() + "): " + stale);
            System.exit(1);
        }
    }

    /** Every chart of the book: where its SVG goes, and the SVG drawn from its CSV. */
    static Map<Path, String> charts(Path root) throws IOException {
        Map<Path, String> charts = new LinkedHashMap<>();
        Path refcount = results(root, "01-refcount");
        charts.put(refcount.resolve("refcount-cost.svg"), refcountCost(Csv.read(refcount.resolve("refcount-cost.csv"))));
        Path locks = results(root, "03-locks");
        charts.put(locks.resolve("lock-cost.svg"), lockCost(Csv.read(locks.resolve("lock-cost.csv"))));
        Path gil = results(root, "05-gil");
        charts.put(gil.resolve("cpu-bound.svg"), gilCpuBound(Csv.read(gil.resolve("cpu-bound.csv"))));
        charts.put(gil.resolve("convoy.svg"), convoy(Csv.read(gil.resolve("convoy.csv"))));
        Path cpuio = results(root, "06-cpu-vs-io");
        charts.put(cpuio.resolve("cpu-bound.svg"), speedups(Csv.read(cpuio.resolve("cpu-bound.csv"))));
        charts.put(cpuio.resolve("io-bound.svg"), ioRates(Csv.read(cpuio.resolve("io-bound.csv"))));
        return charts;
    }

    private static Path results(Path root, String lesson) {
        return root.resolve(lesson).resolve("src/docs/asciidoc/results");
    }

    /** 01: one retain and one release, on one thread and on two threads sharing the object. */
    static String refcountCost(Csv csv) {
        BarChart chart = new BarChart("One retain and one release (shorter is cheaper)", "nanoseconds")
                .series("one thread", "two threads, one object")
                .values(ns -> String.format(Locale.ROOT, "%.1f ns", ns));
        for (Csv.Row row : csv.rows()) {
            chart.row(row.text("count"), Bar.of(row.number("one thread ns")), Bar.of(row.number("two threads ns")));
        }
        return chart.svg();
    }

    /** 03: the article's 5,000,000 increments, for each counter on 1, 2 and 4 threads. */
    static String lockCost(Csv csv) {
        BarChart chart = new BarChart("Time for 5,000,000 increments of one shared counter",
                "ms for 5,000,000 increments, all threads together (log scale)")
                .series("1 thread", "2 threads", "4 threads").logScale()
                .values(ms -> String.format(Locale.ROOT, "%,.0f ms", ms));
        for (Map.Entry<String, String> counter : LOCK_COUNTERS.entrySet()) {
            List<Bar> bars = new ArrayList<>();
            for (String threads : List.of("1", "2", "4")) {
                Csv.Row row = csv.find("benchmark", counter.getKey(), "threads", threads);
                bars.add(Bar.of(row.number("ms_for_5000000")));
            }
            chart.row(counter.getValue(), bars.toArray(Bar[]::new));
        }
        return chart.svg();
    }

    /**
     * 05: each build's speed-up on 1, 2 and 4 threads. The CSV has each configuration's median and
     * fastest run, not its slowest, so the chart shows no spread.
     */
    static String gilCpuBound(Csv csv) {
        BarChart chart = new BarChart("CPU-bound: speed-up over one thread",
                "speed-up over one thread (median of the rounds' ratios)")
                .series("1 thread", "2 threads", "4 threads").reference(MEASURED_CORES, MEASURED_CORES + " cores")
                .values(speedup -> String.format(Locale.ROOT, "%.2fx", speedup));
        for (String build : csv.distinct("build")) {
            List<Bar> bars = new ArrayList<>();
            for (String threads : List.of("1", "2", "4")) {
                bars.add(Bar.of(csv.find("build", build, "threads", threads).number("speedup")));
            }
            chart.row(build, bars.toArray(Bar[]::new));
        }
        return chart.svg();
    }

    /** 05: the IO thread's time per request next to a CPU-bound thread, at each switch interval. */
    static String convoy(Csv csv) {
        BarChart chart = new BarChart("Time per 0.1 ms IO request next to a CPU-bound thread", "milliseconds")
                .series("time per request", "the switch interval")
                .values(ms -> String.format(Locale.ROOT, "%.2f ms", ms));
        for (Csv.Row row : csv.rows()) {
            double interval = row.number("switch_interval_ms");
            chart.row(String.format(Locale.ROOT, "interval %s ms", row.text("switch_interval_ms")),
                    Bar.of(row.number("ms_per_request")), Bar.of(interval));
        }
        return chart.svg();
    }

    /**
     * 06: each way's median speed-up, and the spread of its runs: its fastest and slowest run's
     * time, against the same one-thread median (speed-up x median / run time).
     */
    static String speedups(Csv csv) {
        BarChart chart = new BarChart("CPU-bound: speed-up over one thread", "speed-up over one thread (medians)")
                .series("median").spread("fastest to slowest run")
                .reference(MEASURED_CORES, MEASURED_CORES + " cores")
                .values(speedup -> String.format(Locale.ROOT, "%.2fx", speedup));
        for (Csv.Row row : csv.rows()) {
            double speedup = row.number("speedup");
            double median = row.number("median_millis");
            chart.row(row.text("way"), new Bar(speedup, speedup * median / row.number("max_millis"),
                    speedup * median / row.number("min_millis")));
        }
        return chart.svg();
    }

    /**
     * 06: each way's rate of requests, against the sequential one's: requests over seconds, since
     * the CSV's requests_per_second is rounded to whole requests.
     */
    static String ioRates(Csv csv) {
        double sequential = rate(csv.find("way", "sequential"));
        BarChart chart = new BarChart("IO-bound: requests per second, against one request at a time",
                "requests per second, over sequential (median of 3 runs)")
                .series("requests per second")
                .values(times -> String.format(Locale.ROOT, "%,.0fx", times));
        for (Csv.Row row : csv.rows()) {
            chart.row(String.format(Locale.ROOT, "%s, %,d requests", row.text("way"), (long) row.number("requests")),
                    Bar.of(rate(row) / sequential));
        }
        return chart.svg();
    }

    private static double rate(Csv.Row row) {
        return row.number("requests") / row.number("seconds");
    }
}
