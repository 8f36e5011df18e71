package course.locks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The price of a correct count, measured with JMH: how many increments per microsecond all
 * threads together manage on one shared counter, for each way of counting, with 1, 2 and 4
 * threads. The counters are the chapter's own classes.
 *
 * <p>{@code ./mvnw -q compile exec:exec -pl 03-locks -Ddemo=LockCostBenchmark} runs it (about
 * two minutes: 1 fork, 3 warm-up iterations of 0.5 s and 5 measured iterations of 1 s per
 * benchmark and thread count) and writes {@code src/docs/asciidoc/results/lock-cost.adoc} and
 * {@code .csv} for the book, whose chart renderer draws {@code .svg} from the CSV. Never run by
 * the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LockCostBenchmark {

    static final int[] THREAD_COUNTS = {1, 2, 4};

    private final UnsafeCounter unsafe = new UnsafeCounter();
    private final SynchronizedCounter synchronizedCounter = new SynchronizedCounter();
    private final ReentrantLockCounter reentrantLock = new ReentrantLockCounter();
    private final ReentrantLockCounter fairLock = new ReentrantLockCounter(true);
    private final AtomicLongCounter atomicLong = new AtomicLongCounter();
    private final LongAdderCounter longAdder = new LongAdderCounter();

    @Benchmark
    public void unsynchronized() {
        unsafe.increment(); // wrong: loses updates; here only as the floor
    }

    @Benchmark
    public void synchronizedBlock() {
        synchronizedCounter.increment();
    }

    @Benchmark
    public void reentrantLock() {
        reentrantLock.increment();
    }

    @Benchmark
    public void fairReentrantLock() {
        fairLock.increment();
    }

    @Benchmark
    public void atomicLong() {
        atomicLong.increment();
    }

    @Benchmark
    public void longAdder() {
        longAdder.increment();
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        Path results = Path.of(args.length > 0 && !args[0].isBlank() ? args[0].strip() : "src/docs/asciidoc/results");
        double loadBefore = LockCostReport.loadAverage();
        List<LockCostReport.Measurement> measurements = new ArrayList<>();
        for (int threads : THREAD_COUNTS) {
            Options options = new OptionsBuilder()
                    .include(LockCostBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1))
                    .build();
            for (RunResult run : new Runner(options).run()) {
                String benchmark = run.getParams().getBenchmark();
                measurements.add(new LockCostReport.Measurement(benchmark.substring(benchmark.lastIndexOf('.') + 1),
                        threads, run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError()));
            }
        }
        LockCostReport.write(results, measurements, loadBefore);
    }
}
