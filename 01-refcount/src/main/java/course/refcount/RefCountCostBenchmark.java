package course.refcount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What a reference count costs: one retain and one release, the price of handing a reference
 * to someone and getting it back, counted four ways.
 * <ul>
 *   <li>{@code plain}: a plain {@code int}, as CPython counts (safe only under a GIL);
 *   <li>{@code atomic}: {@code AtomicInteger.incrementAndGet} and {@code decrementAndGet};
 *   <li>{@code casLoop}: a compare-and-set loop with the "is it freed?" check, as in the exercise;
 *   <li>{@code locked}: a plain {@code int} inside {@code synchronized}.
 * </ul>
 * Each runs on one thread, and on two threads sharing one object (every retain then fights for
 * the same cache line). Nothing is ever freed: the count stays at 1 or more.
 *
 * <p>Run it with {@code ./mvnw -q compile exec:exec -pl 01-refcount -Ddemo=RefCountCostBenchmark}.
 * It writes {@code refcount-cost.adoc} and {@code .csv} to {@code src/docs/asciidoc/results/},
 * which the chapter includes; the book's chart renderer draws {@code .svg} from the CSV
 * ({@code java -cp docs/target/classes course.book.charts.ResultCharts}, from the repository's root). Short settings, one fork: the
 * figures are a picture of the orders of magnitude, not a precise measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class RefCountCostBenchmark {

    static final Path RESULTS = Path.of("src", "docs", "asciidoc", "results");

    /** The book draws every chart from its CSV with one renderer, which lives in the docs module. */
    static final String REDRAW_CHARTS = "now redraw the chart from the CSV: from the repository's root, once the"
            + " book's classes are built, java -cp docs/target/classes course.book.charts.ResultCharts";

    private int plainCount = 1;
    private final AtomicInteger atomicCount = new AtomicInteger(1);
    private final AtomicInteger casCount = new AtomicInteger(1);
    private int lockedCount = 1;

    // tag::counts[]
    @Benchmark
    public int plain() {
        plainCount++;                       // retain
        return --plainCount;                // release
    }

    @Benchmark
    public int atomic() {
        atomicCount.incrementAndGet();      // retain
        return atomicCount.decrementAndGet(); // release
    }

    @Benchmark
    public int casLoop() {
        int seen;
        do {                                // retain, refusing a freed object
            seen = casCount.get();
            if (seen == 0) {
                throw new IllegalStateException("freed");
            }
        } while (!casCount.compareAndSet(seen, seen + 1));
        do {                                // release
            seen = casCount.get();
        } while (!casCount.compareAndSet(seen, seen - 1));
        return seen;
    }

    @Benchmark
    public synchronized int locked() {
        lockedCount++;
        return --lockedCount;
    }
    // end::counts[]

    public static void main(String[] args) throws RunnerException, IOException {
        Map<String, double[]> nanos = new LinkedHashMap<>(); // name -> {1 thread, 2 threads}, in this order:
        for (String name : List.of("plain", "atomic", "casLoop", "locked")) {
            nanos.put(name, new double[2]);
        }
        for (int threads : new int[] {1, 2}) {
            Options options = new OptionsBuilder()
                    .include(RefCountCostBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
                nanos.get(name)[threads - 1] = result.getPrimaryResult().getScore();
            }
        }
        write(nanos);
    }

    private static void write(Map<String, double[]> nanos) throws IOException {
        Files.createDirectories(RESULTS);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version().feature() + ", " + LocalDate.now();
        List<String> csv = new ArrayList<>(List.of("count,one thread ns,two threads ns"));
        StringBuilder adoc = new StringBuilder()
                .append(".One retain and one release, in nanoseconds (JMH average time; ").append(machine).append(")\n")
                .append("[cols=\"2,1,1\",options=\"header\"]\n|===\n| Count | One thread | Two threads, one object\n");
        nanos.forEach((name, ns) -> {
            csv.add(String.format(Locale.ROOT, "%s,%.2f,%.2f", name, ns[0], ns[1]));
            adoc.append(String.format(Locale.ROOT, "\n| `%s` | %.1f ns | %.1f ns\n", name, ns[0], ns[1]));
        });
        adoc.append("|===\n");
        Files.write(RESULTS.resolve("refcount-cost.csv"), csv);
        Files.writeString(RESULTS.resolve("refcount-cost.adoc"), adoc);
        System.out.println(adoc);
        System.out.println(REDRAW_CHARTS);
    }
}
