package course.cpuio.exercises;

import course.cpuio.RangeWork;
import course.cpuio.SplitJob;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exercise cpuio.split: split a CPU-bound job across a pool sized to the cores.
 *
 * <p>What {@code run(from, to, work)} must do:
 * <ul>
 *   <li>Split {@code [from, to)} into parts so that every number is in exactly one part, and
 *       call the work only on parts within the range (a part may be empty, never one that ends
 *       before it begins). Any range must work: empty, smaller than the number of cores, not
 *       divisible by it, negative, up to a trillion numbers long, ending at
 *       {@code Long.MAX_VALUE} or beginning at {@code Long.MIN_VALUE}: compute the ends in long
 *       arithmetic that cannot overflow.
 *   <li>Make at least one part per core when the range has that many numbers (more is fine:
 *       parts of prime counting do not cost the same, and small parts keep every core busy to
 *       the end).
 *   <li>Run the parts on a pool of exactly {@code Runtime.getRuntime().availableProcessors()}
 *       threads, one part per core at once; wait for every part, and return the sum of their
 *       results, as a long (a result may be large, or negative).
 *   <li>If the work fails on any part, with an exception or an Error, {@code run} must fail too,
 *       never return a partial sum: throw an {@link ExecutionException} whose cause is the
 *       part's own exception (what {@code Future.get} throws), or that exception itself.
 *   <li>When {@code run} returns, or fails, its pool must be shut down: no thread of it may stay
 *       behind.
 * </ul>
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
