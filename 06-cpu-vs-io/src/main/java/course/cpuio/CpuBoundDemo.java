package course.cpuio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;

/**
 * The article's CPU-bound experiment in Java: the same work (counting the primes below a
 * limit) done by one thread, by four platform threads (the article's four), by a pool with one
 * thread per core, and by a parallel stream. Every way must find the same count; the demo
 * prints each one's time and its speed-up over one thread, next to the number of cores.
 * One run on a shared machine is an anecdote: the measured figures come from {@link SpeedupReport}.
 */
public final class CpuBoundDemo {

    /** One way of doing the work: its name, what it found, and how long it took. */
    public record Timing(String way, long count, long nanos) {
    }

    private CpuBoundDemo() {
    }

    // tag::four-threads[]
    /** The article's four threads: each counts a quarter of the range into its own slot. */
    static long fourThreads(long limit) throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(4);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int part = i;
            threads.add(Thread.ofPlatform().start(
                    () -> counts.set(part, Primes.countIn(limit * part / 4, limit * (part + 1) / 4))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long total = 0;
        for (int i = 0; i < 4; i++) {
            total += counts.get(i);
        }
        return total;
    }
    // end::four-threads[]

    // tag::pool[]
    /** A pool with one thread per core, and more parts than threads so no core idles at the end. */
    static long poolSizedToCores(long limit) throws InterruptedException, ExecutionException {
        int cores = Runtime.getRuntime().availableProcessors();
        int parts = cores * 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long from = limit * i / parts;
                long to = limit * (i + 1) / parts;
                counts.add(pool.submit(() -> Primes.countIn(from, to)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        }
    }

    /** The same, written as a parallel stream: the common pool plus the calling thread. */
    static long parallelStream(long limit) {
        return LongStream.range(0, limit).parallel().filter(Primes::isPrime).count();
    }
    // end::pool[]

    /** Runs every way once and returns what each found and how long it took. */
    public static List<Timing> run(long limit) throws InterruptedException, ExecutionException {
        List<Timing> timings = new ArrayList<>();
        long start = System.nanoTime();
        long count = Primes.countIn(0, limit);
        timings.add(new Timing("one thread", count, System.nanoTime() - start));
        start = System.nanoTime();
        count = fourThreads(limit);
        timings.add(new Timing("four platform threads", count, System.nanoTime() - start));
        start = System.nanoTime();
        count = poolSizedToCores(limit);
        timings.add(new Timing("pool, one thread per core", count, System.nanoTime() - start));
        start = System.nanoTime();
        count = parallelStream(limit);
        timings.add(new Timing("parallel stream", count, System.nanoTime() - start));
        return timings;
    }

    public static void main(String[] args) throws Exception {
        long limit = args.length > 0 && !args[0].isBlank() ? Long.parseLong(args[0]) : 2_000_000;
        run(limit / 10); // warm-up: let the JIT compile the counting loop before anything is timed
        List<Timing> timings = run(limit);
        double oneThread = timings.getFirst().nanos();
        System.out.printf("primes below %,d on %d cores (JDK %s)%n", limit, Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature());
        for (Timing t : timings) {
            System.out.printf("  %-27s %,9d primes  %6.2f s  %5.2fx%n", t.way(), t.count(), t.nanos() / 1e9,
                    oneThread / t.nanos());
        }
    }
}
