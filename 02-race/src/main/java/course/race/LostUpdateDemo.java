package course.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

/**
 * The article's program in Java: five threads, released together by a barrier, each
 * increment one shared counter a million times. Expected: 5,000,000.
 *
 * <p>Run it with {@code ./mvnw -q compile exec:exec -pl 02-race -Ddemo=LostUpdateDemo}
 * (or from your IDE). It runs the program a few times with each counter and prints what it got.
 * With {@link PlainCounter} the JIT may fold each thread's loop into a single add, so a run is
 * either exact or short by whole threads; with {@link VolatileCounter} every increment really
 * reads and writes memory, and increments are lost in almost every run.
 */
public final class LostUpdateDemo {

    // tag::article-program[]
    static final int THREADS = 5;
    static final int INCREMENTS_PER_THREAD = 1_000_000;

    /** Runs the article's program once and returns the final count. */
    public static long run(Counter counter) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(THREADS); // all threads begin at the same moment
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().name("incrementer-" + t).start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    counter.increment();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return counter.get(); // join() makes every thread's writes visible here
    }
    // end::article-program[]

    /**
     * Runs the program {@code runs} times (default 5) with each counter. With a second argument,
     * {@code plain} or {@code volatile}, only that counter.
     */
    public static void main(String[] args) throws InterruptedException {
        // -Ddemo.args="3 plain" arrives as one argument (and no -Ddemo.args as an empty one): split it
        String[] words = String.join(" ", args).strip().split("\\s+");
        int runs = words[0].isEmpty() ? 5 : Integer.parseInt(words[0]);
        String only = words.length > 1 ? words[1] : "both";
        long expected = (long) THREADS * INCREMENTS_PER_THREAD;
        if (!only.equals("volatile")) {
            report("PlainCounter", PlainCounter::new, runs, expected);
        }
        if (!only.equals("plain")) {
            report("VolatileCounter", VolatileCounter::new, runs, expected);
        }
    }

    private static void report(String name, Supplier<Counter> counters, int runs, long expected)
            throws InterruptedException {
        for (int r = 1; r <= runs; r++) {
            long count = run(counters.get());
            System.out.printf("%-16s run %d: %,d of %,d (lost %,d)%n", name, r, count, expected, expected - count);
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
