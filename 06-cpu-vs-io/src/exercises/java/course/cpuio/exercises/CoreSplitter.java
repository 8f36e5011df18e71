package course.cpuio.exercises;

import course.cpuio.RangeWork;
import course.cpuio.SplitJob;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exercise cpuio.split: split a CPU-bound job across a pool sized to the cores.
 *
 * <p>Split {@code [from, to)} into parts, at least one per core (more is fine: parts of prime
 * counting do not cost the same, and small parts keep every core busy to the end). Run them on
 * a pool of exactly {@code Runtime.getRuntime().availableProcessors()} threads, wait for every
 * part, and add up their results. If the work fails on any part, {@code run} must fail too
 * (an {@link ExecutionException} whose cause is the part's exception), never return a partial
 * sum. When {@code run} returns, its pool must be shut down: no thread of it may stay behind.
 *
 * <p>Run {@code ./mvnw test -pl 06-cpu-vs-io} to check your answer.
 */
public final class CoreSplitter implements SplitJob {

    @Override
    public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long[] total = {0};
        long size = (to - from) / cores;
        for (int i = 0; i < cores; i++) {
            long start = from + i * size;
            long end = start + size;
            // TODO: every part adds to one shared long[] from several threads at once.
            pool.submit(() -> total[0] += work.count(start, end));
        }
        pool.shutdown();
        // TODO: nothing waits for the parts to finish before the total is read, and a part that
        //  throws is never noticed. (Also: does the last part reach `to`?)
        return total[0];
    }
}
