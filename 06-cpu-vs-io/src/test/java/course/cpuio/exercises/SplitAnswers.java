package course.cpuio.exercises;

import course.cpuio.RangeWork;
import course.cpuio.SplitJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Answers a learner might give to exercise cpuio.split, right and wrong, for {@code SplitCheckIT}. */
final class SplitAnswers {

    private SplitAnswers() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static long boundary(long from, long to, int i, int parts) {
        return from + (to - from) * i / parts;
    }

    // ---- wrong ----

    /** Waits for every part, but each part adds into one shared long: `total[0] += work.count(..)`. */
    static final class SharedTotalInTasks implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            long[] total = {0};
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int parts = cores() * 4;
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    pool.submit(() -> total[0] += work.count(a, b));
                }
            }
            return total[0];
        }
    }

    /** An AtomicLong used as a box: get, then set, is still read-add-write. */
    static final class AtomicGetThenSet implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            AtomicLong total = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int parts = cores() * 4;
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    pool.submit(() -> total.set(total.get() + work.count(a, b)));
                }
            }
            return total.get();
        }
    }

    /** Adds up the futures that happen to be done, and skips the others. */
    static final class SumsOnlyDoneFutures implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            try {
                List<Future<Long>> results = submitParts(pool, from, to, work);
                long total = 0;
                for (Future<Long> result : results) {
                    if (result.isDone()) {
                        total += result.get();
                    }
                }
                return total;
            } finally {
                pool.shutdown();
            }
        }
    }

    /** shutdown, then a short awaitTermination whose answer is ignored, then a LongAdder read. */
    static final class ShortAwaitTermination implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException {
            LongAdder total = new LongAdder();
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            int parts = cores() * 4;
            for (int i = 0; i < parts; i++) {
                long a = boundary(from, to, i, parts);
                long b = boundary(from, to, i + 1, parts);
                pool.execute(() -> total.add(work.count(a, b)));
            }
            pool.shutdown();
            pool.awaitTermination(20, TimeUnit.MILLISECONDS);
            return total.sum();
        }
    }

    /** CompletableFutures read with getNow(0): a part not yet done counts as zero. */
    static final class CompletableGetNow implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int parts = cores() * 4;
                List<CompletableFuture<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    results.add(CompletableFuture.supplyAsync(() -> work.count(a, b), pool));
                }
                long total = 0;
                for (CompletableFuture<Long> result : results) {
                    total += result.getNow(0L);
                }
                return total;
            }
        }
    }

    /** A failed part is caught and skipped: the sum comes back short and nobody knows. */
    static final class SwallowsFailedPart implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                long total = 0;
                for (Future<Long> result : submitParts(pool, from, to, work)) {
                    try {
                        total += result.get();
                    } catch (ExecutionException e) {
                        // "one bad part should not spoil the others"
                    }
                }
                return total;
            }
        }
    }

    /** A thread per part: unbounded, more threads than cores. */
    static final class ThreadPerPart implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newCachedThreadPool()) {
                return sum(submitParts(pool, from, to, work));
            }
        }
    }

    /** Virtual threads for CPU-bound work: one per part, all at once, on every core and more. */
    static final class VirtualThreadPerPart implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                return sum(submitParts(pool, from, to, work));
            }
        }
    }

    /** One thread: splits, but runs the parts one after another. */
    static final class SingleThreadPool implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
                return sum(submitParts(pool, from, to, work));
            }
        }
    }

    /** Right results, but the pool is never shut down: its threads live on. */
    static final class PoolNeverShutDown implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            return sum(submitParts(pool, from, to, work));
        }
    }

    /** Shuts the pool down only when all went well: a failed part leaks its threads. */
    static final class PoolLeaksOnFailure implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            long total = sum(submitParts(pool, from, to, work));
            pool.shutdown();
            return total;
        }
    }

    /** size = (to - from) / parts, so the remainder of the division is never counted. */
    static final class DropsTheRemainder implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            long size = (to - from) / parts;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = from + i * size;
                    results.add(pool.submit(() -> work.count(a, a + size)));
                }
                return sum(results);
            }
        }
    }

    /** Inclusive ends: the number on each boundary is counted twice. */
    static final class OverlappingParts implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = Math.min(to, boundary(from, to, i + 1, parts) + 1);
                    results.add(pool.submit(() -> work.count(a, b)));
                }
                return sum(results);
            }
        }
    }

    /**
     * A shared total, added to after the work returns: `long r = work.count(..); total[0] += r`.
     * The read and the write are both in the answer's code, after the work: caught only because
     * the check makes two parts take turns at each of them (see {@link Turns}).
     */
    static final class SharedTotalAfterWork implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            long[] total = {0};
            List<Future<?>> parts = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long result = work.count(a, b);
                        total[0] += result;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get(); // waits, and lets a failed part out: only the shared total is wrong
                }
            }
            return total[0];
        }
    }

    /** A plain long field of the splitter, added to after the work: `total += r`. */
    static final class FieldTotalAfterWork implements SplitJob {
        private long total;

        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            total = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                for (int i = 0; i < cores() * 4; i++) {
                    long a = boundary(from, to, i, cores() * 4);
                    long b = boundary(from, to, i + 1, cores() * 4);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        total += r;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return total;
        }
    }

    /** volatile makes each read and write visible, not `+=` one step: still read-add-write. */
    static final class VolatileTotal implements SplitJob {
        private volatile long total;

        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            List<Callable<Object>> tasks = new ArrayList<>();
            int parts = cores() * 2;
            for (int i = 0; i < parts; i++) {
                long a = boundary(from, to, i, parts);
                long b = boundary(from, to, i + 1, parts);
                tasks.add(Executors.callable(() -> {
                    long r = work.count(a, b);
                    total += r;
                }));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                for (Future<Object> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            }
            return total;
        }
    }

    /**
     * "Local variables referenced from a lambda must be final", so the total became a static
     * field: shared by every part (and every run), updated without a lock.
     */
    static final class StaticTotal implements SplitJob {
        static long total;

        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            total = 0;
            List<Future<?>> parts = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> addToTotal(work.count(a, b))));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return total;
        }

        private static void addToTotal(long r) {
            total = total + r;
        }
    }

    /** An AtomicLong, but read and written in two steps after the work: `set(get() + r)`. */
    static final class AtomicGetThenSetAfterWork implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            AtomicLong total = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        total.set(total.get() + r);
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return total.get();
        }
    }

    /** Each part adds its result to one ArrayList, with no lock; summed after every part is done. */
    static final class ArrayListOfPartials implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            List<Long> partials = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> partials.add(work.count(a, b))));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return partials.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Each part puts its result in one HashMap under its own number, with no lock. */
    static final class HashMapOfPartials implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            Map<Long, Long> byPart = new HashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long part = i;
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> byPart.put(part, work.count(a, b))));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return byPart.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One HashMap entry as the total: `merge("total", r, Long::sum)`, with no lock. */
    static final class HashMapMerge implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            Map<String, Long> totals = new HashMap<>();
            List<Callable<Long>> tasks = new ArrayList<>();
            int count = cores() * 4;
            for (int i = 0; i < count; i++) {
                long a = boundary(from, to, i, count);
                long b = boundary(from, to, i + 1, count);
                tasks.add(() -> totals.merge("total", work.count(a, b), Long::sum));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                for (Future<Long> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            }
            return totals.getOrDefault("total", 0L);
        }
    }

    /** A parallel stream whose forEach adds into a shared long[]: the stream's own threads race on it. */
    static final class ParallelForEachTotal implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            long[] total = {0};
            int parts = cores() * 4;
            LongStream.range(0, parts).parallel().forEach(i -> {
                long r = work.count(boundary(from, to, (int) i, parts), boundary(from, to, (int) i + 1, parts));
                total[0] += r;
            });
            return total[0];
        }
    }

    /** One slot per core, but four parts per core: parts i and i + cores share slot i % cores. */
    static final class SlotPerCoreSharedByParts implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int n = cores();
            long[] partial = new long[n];
            try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
                List<Future<?>> parts = new ArrayList<>();
                int count = n * 4;
                for (int i = 0; i < count; i++) {
                    int slot = i % n;
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        partial[slot] += r;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return LongStream.of(partial).sum();
        }
    }

    // ---- wrong: arithmetic at the edges, failures lost ----

    /** The length of the range in an int: a range of a trillion numbers overflows it. */
    static final class IntArithmetic implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            int length = (int) (to - from);
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = from + (long) length * i / parts;
                    long b = i == parts - 1 ? to : from + (long) length * (i + 1) / parts;
                    results.add(pool.submit(() -> work.count(a, b)));
                }
                return sum(results);
            }
        }
    }

    /** Halves the range until there are enough parts, at (from + to) / 2: near Long.MAX_VALUE that overflows. */
    static final class MidpointOverflows implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            List<long[]> parts = new ArrayList<>();
            halve(from, to, cores() * 4, parts);
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (long[] part : parts) {
                    results.add(pool.submit(() -> work.count(part[0], part[1])));
                }
                return sum(results);
            }
        }

        private static void halve(long from, long to, int parts, List<long[]> into) {
            if (parts <= 1) {
                into.add(new long[] {from, to});
                return;
            }
            long middle = (from + to) / 2;
            halve(from, middle, parts / 2, into);
            halve(middle, to, parts - parts / 2, into);
        }
    }

    /** Boundaries in double arithmetic: near Long.MAX_VALUE a double cannot tell neighbouring numbers apart. */
    static final class DoubleArithmetic implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            double size = (double) (to - from) / parts;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = (long) (from + i * size);
                    long b = i == parts - 1 ? to : (long) (from + (i + 1) * size);
                    results.add(pool.submit(() -> work.count(a, b)));
                }
                return sum(results);
            }
        }
    }

    /** Parts of ceil(size / parts) numbers, the end clamped to `to` but not the start: a part that ends before it begins. */
    static final class CeilingSizeOverruns implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            long size = (to - from + parts - 1) / parts;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = from + i * size;
                    long b = Math.min(a + size, to);
                    results.add(pool.submit(() -> work.count(a, b)));
                }
                return sum(results);
            }
        }
    }

    /** Adds the results up in an int. */
    static final class IntTotal implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int total = 0;
                for (Future<Long> result : submitParts(pool, from, to, work)) {
                    total += result.get();
                }
                return total;
            }
        }
    }

    /** Adds the results up in a double ("for big numbers"): above 2^53 a double cannot hold every long, and a sum near 10^18 comes back rounded. */
    static final class DoubleTotal implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                double total = 0;
                for (Future<Long> result : submitParts(pool, from, to, work)) {
                    total += result.get();
                }
                return (long) total;
            }
        }
    }

    /** finally { pool.shutdown(); }: when a part fails, run throws at once, and the threads of parts still at work stay behind (shutdown() neither waits nor stops them). */
    static final class ShutdownWithoutWaiting implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            try {
                return sum(submitParts(pool, from, to, work));
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Threads with a slot each, failures caught with catch (Exception e): an Error kills its thread unseen. */
    static final class CatchesExceptionOnly implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int n = cores();
            long[] results = new long[n];
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int slot = i;
                long a = boundary(from, to, i, n);
                long b = boundary(from, to, i + 1, n);
                Thread thread = Thread.ofPlatform().unstarted(() -> {
                    try {
                        results[slot] = work.count(a, b);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                });
                thread.setUncaughtExceptionHandler((t, e) -> { }); // (quietly: the catalogue runs it many times)
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw new ExecutionException(failure.get());
            }
            return LongStream.of(results).sum();
        }
    }

    /** Interrupted while it waits for the parts, it keeps the interrupt and returns what it has so far: a partial sum. */
    static final class PartialSumWhenInterrupted implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long start = boundary(from, to, i, parts);
                    long end = boundary(from, to, i + 1, parts);
                    results.add(pool.submit(() -> work.count(start, end)));
                }
                long total = 0;
                for (Future<Long> result : results) {
                    try {
                        total += result.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return total;
            }
        }
    }

    /** Throws on a failed part, but a new exception with the message only: the part's exception is lost. */
    static final class LosesTheCause implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                long total = 0;
                for (Future<Long> result : submitParts(pool, from, to, work)) {
                    try {
                        total += result.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("a part failed: " + e.getCause().getMessage());
                    }
                }
                return total;
            }
        }
    }

    /**
     * A cached pool, with a semaphore of one permit per core taken by each part: never more than
     * one part per core at once, but a thread per part, each with its stack and its start.
     */
    static final class CachedPoolBehindASemaphore implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(cores());
            try (ExecutorService pool = Executors.newCachedThreadPool()) {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    results.add(pool.submit(() -> {
                        permits.acquire();
                        try {
                            return work.count(a, b);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                return sum(results);
            }
        }
    }

    // ---- right ----

    /** invokeAll: submits every part and waits for all of them in one call. */
    static final class InvokeAll implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 3;
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long a = boundary(from, to, i, parts);
                long b = boundary(from, to, i + 1, parts);
                tasks.add(() -> work.count(a, b));
            }
            ExecutorService pool = Executors.newFixedThreadPool(cores());
            try {
                return sum(pool.invokeAll(tasks));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** CompletableFutures on a pool, joined; join's CompletionException carries the cause. */
    static final class CompletableJoin implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int parts = cores();
                List<CompletableFuture<Long>> results = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    results.add(CompletableFuture.supplyAsync(() -> work.count(a, b), pool));
                }
                return results.stream().mapToLong(CompletableFuture::join).sum();
            }
        }
    }

    /** A parallel stream: the common pool plus the calling thread, one thread per core. */
    static final class ParallelStream implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            int parts = cores() * 4;
            return LongStream.range(0, parts).parallel()
                    .map(i -> work.count(boundary(from, to, (int) i, parts), boundary(from, to, (int) i + 1, parts)))
                    .sum();
        }
    }

    /** A LongAdder shared by the parts: thread-safe, so sharing is fine; close() waits. */
    static final class LongAdderShared implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            LongAdder total = new LongAdder();
            List<Future<?>> done = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                int parts = cores() * 2;
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    done.add(pool.submit(() -> total.add(work.count(a, b))));
                }
                for (Future<?> part : done) {
                    part.get();
                }
            }
            return total.sum();
        }
    }

    /** Results taken in the order they finish. */
    static final class CompletionService implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                ExecutorCompletionService<Long> service = new ExecutorCompletionService<>(pool);
                int parts = cores() * 4;
                for (int i = 0; i < parts; i++) {
                    long a = boundary(from, to, i, parts);
                    long b = boundary(from, to, i + 1, parts);
                    service.submit(() -> work.count(a, b));
                }
                long total = 0;
                for (int i = 0; i < parts; i++) {
                    total += service.take().get();
                }
                return total;
            }
        }
    }

    /** Hand-made: one platform thread per core, each with its own slot for its result. */
    static final class ThreadsWithOwnSlots implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int n = cores();
            long[] results = new long[n];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int slot = i;
                long a = boundary(from, to, i, n);
                long b = boundary(from, to, i + 1, n);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        results[slot] = work.count(a, b);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join(); // join makes each thread's write to its slot visible here
            }
            if (failure.get() != null) {
                throw new ExecutionException(failure.get());
            }
            return LongStream.of(results).sum();
        }
    }

    /** An AtomicLong shared by the parts, added to in one atomic step. */
    static final class AtomicAddAndGet implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            AtomicLong total = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        total.addAndGet(r);
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return total.get();
        }
    }

    /** A shared field, but `+=` under one lock: the second part waits for the first to write. */
    static final class SynchronizedTotal implements SplitJob {
        private final Object lock = new Object();
        private long total;

        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        synchronized (lock) {
                            total += r;
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            synchronized (lock) {
                return total;
            }
        }
    }

    /** A synchronized method adds to the total; the array is locked by the method's monitor. */
    static final class SynchronizedMethod implements SplitJob {
        private final long[] total = {0};

        private synchronized void add(long r) {
            total[0] += r;
        }

        private synchronized long total() {
            return total[0];
        }

        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int count = cores() * 3;
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long a = boundary(from, to, i, count);
                long b = boundary(from, to, i + 1, count);
                tasks.add(Executors.callable(() -> add(work.count(a, b))));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                for (Future<Object> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            }
            return total();
        }
    }

    /** A ReentrantLock around the `+=`, unlocked in finally. */
    static final class ReentrantLockTotal implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            ReentrantLock lock = new ReentrantLock();
            long[] total = {0};
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        lock.lock();
                        try {
                            total[0] += r;
                        } finally {
                            lock.unlock();
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            lock.lock();
            try {
                return total[0];
            } finally {
                lock.unlock();
            }
        }
    }

    /** A long[] with one slot per part: no two parts write the same slot; get() publishes them. */
    static final class SlotPerPart implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int count = cores() * 4;
            long[] results = new long[count];
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int slot = i;
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        results[slot] = work.count(a, b);
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            long total = 0;
            for (long result : results) {
                total += result;
            }
            return total;
        }
    }

    /** Partial results in a ConcurrentHashMap, declared as a Map. */
    static final class ConcurrentMapOfPartials implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            Map<Long, Long> byPart = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long part = i;
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> byPart.put(part, work.count(a, b))));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            return byPart.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Partial results in Collections.synchronizedList: each add takes the list's lock. */
    static final class SynchronizedListOfPartials implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            List<Long> partials = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> partials.add(work.count(a, b))));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            synchronized (partials) {
                return partials.stream().mapToLong(Long::longValue).sum();
            }
        }
    }

    /** An ArrayList of partial results changed only under its own lock. */
    static final class LockedArrayList implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            List<Long> partials = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<?>> parts = new ArrayList<>();
                int count = cores() * 4;
                for (int i = 0; i < count; i++) {
                    long a = boundary(from, to, i, count);
                    long b = boundary(from, to, i + 1, count);
                    parts.add(pool.submit(() -> {
                        long r = work.count(a, b);
                        synchronized (partials) {
                            partials.add(r);
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            synchronized (partials) {
                return partials.stream().mapToLong(Long::longValue).sum();
            }
        }
    }

    /** A parallel stream reduced with reduce(0, Long::sum): each thread reduces its own share. */
    static final class ParallelStreamReduce implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            int parts = cores() * 4;
            return IntStream.range(0, parts).parallel()
                    .mapToObj(i -> work.count(boundary(from, to, i, parts), boundary(from, to, i + 1, parts)))
                    .reduce(0L, Long::sum);
        }
    }

    /** A ForkJoinPool of one thread per core, a RecursiveTask halving the range down to parts of 1/(4 x cores) of it; close() waits. */
    static final class ForkJoinHalving implements SplitJob {
        public long run(long from, long to, RangeWork work) {
            long smallest = Math.max(1, (to - from) / (cores() * 4L));
            try (java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(cores())) {
                return pool.invoke(new Half(from, to, smallest, work));
            }
        }

        private static final class Half extends java.util.concurrent.RecursiveTask<Long> {
            private static final long serialVersionUID = 1L;
            private final long from;
            private final long to;
            private final long smallest;
            private final transient RangeWork work;

            Half(long from, long to, long smallest, RangeWork work) {
                this.from = from;
                this.to = to;
                this.smallest = smallest;
                this.work = work;
            }

            @Override
            protected Long compute() {
                if (to - from <= smallest) {
                    return work.count(from, to);
                }
                long middle = from + (to - from) / 2;   // no (from + to) / 2: it overflows near Long.MAX_VALUE
                Half left = new Half(from, middle, smallest, work);
                left.fork();
                long right = new Half(middle, to, smallest, work).compute();
                return left.join() + right;
            }
        }
    }

    // ---- shared by the answers ----

    static List<Future<Long>> submitParts(ExecutorService pool, long from, long to, RangeWork work) {
        int parts = cores() * 4;
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long a = boundary(from, to, i, parts);
            long b = boundary(from, to, i + 1, parts);
            results.add(pool.submit(() -> work.count(a, b)));
        }
        return results;
    }

    /** A work-stealing pool of one thread per core (a ForkJoinPool), the parts given to invokeAll; close() waits. */
    static final class WorkStealingInvokeAll implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 4;
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long a = boundary(from, to, i, parts);
                long b = boundary(from, to, i + 1, parts);
                tasks.add(() -> work.count(a, b));
            }
            try (ExecutorService pool = Executors.newWorkStealingPool(cores())) {
                return sum(pool.invokeAll(tasks));
            }
        }
    }

    static long sum(List<Future<Long>> results) throws InterruptedException, ExecutionException {
        long total = 0;
        for (Future<Long> result : results) {
            total += result.get();
        }
        return total;
    }

    /** Parts of size / parts numbers, the first size % parts of them one bigger: no product that can overflow. */
    static final class RemainderSpread implements SplitJob {
        public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
            int parts = cores() * 3;
            long size = (to - from) / parts;
            long extra = (to - from) % parts;
            try (ExecutorService pool = Executors.newFixedThreadPool(cores())) {
                List<Future<Long>> results = new ArrayList<>();
                long a = from;
                for (int i = 0; i < parts; i++) {
                    long start = a;
                    long end = start + size + (i < extra ? 1 : 0);
                    results.add(pool.submit(() -> work.count(start, end)));
                    a = end;
                }
                return sum(results);
            }
        }
    }
}
