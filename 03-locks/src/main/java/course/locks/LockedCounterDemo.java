package course.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The article's program with a lock: five threads, released together, each increment one
 * shared counter a million times. With a lock the count ends at 5,000,000 on every run; the
 * demo also runs the unlocked counter, which does not, and prints how long each run took.
 * One wall-clock reading proves nothing about speed: {@link LockCostBenchmark} measures that.
 *
 * <p>{@code ./mvnw -q compile exec:exec -pl 03-locks -Ddemo=LockedCounterDemo}
 */
public final class LockedCounterDemo {

    static final int THREADS = 5;
    static final int INCREMENTS_PER_THREAD = 1_000_000;
    static final long EXPECTED = (long) THREADS * INCREMENTS_PER_THREAD;

    /** One run: the final count and the wall-clock time it took. */
    public record Run(long count, long millis) {
    }

    // tag::article-program[]
    /** Runs the article's program once on {@code counter}. */
    public static Run run(Counter counter) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(THREADS); // all threads begin at the same moment
        long[] began = new long[THREADS];
        long[] ended = new long[THREADS];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            threads.add(Thread.ofPlatform().name("incrementer-" + t).start(() -> {
                awaitQuietly(start);
                began[me] = System.nanoTime();
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    counter.increment();
                }
                ended[me] = System.nanoTime();
            }));
        }
        for (Thread thread : threads) {
            thread.join(); // join() also makes each thread's writes visible here
        }
        long millis = (LongStream.of(ended).max().orElseThrow() - LongStream.of(began).min().orElseThrow()) / 1_000_000;
        return new Run(counter.get(), millis);
    }
    // end::article-program[]

    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 3;
        report("UnsafeCounter", UnsafeCounter::new, runs);
        report("SynchronizedCounter", SynchronizedCounter::new, runs);
        report("ReentrantLockCounter", ReentrantLockCounter::new, runs);
        report("AtomicLongCounter", AtomicLongCounter::new, runs);
        report("LongAdderCounter", LongAdderCounter::new, runs);
    }

    private static void report(String name, Supplier<Counter> counters, int runs) throws InterruptedException {
        for (int r = 1; r <= runs; r++) {
            Run run = run(counters.get());
            System.out.printf(Locale.ROOT, "%-21s run %d: %,10d of %,d in %4d ms%s%n", name, r, run.count(), EXPECTED,
                    run.millis(), run.count() == EXPECTED ? "" : "  (lost " + String.format(Locale.ROOT, "%,d",
                            EXPECTED - run.count()) + ")");
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }
}
