package course.cpuio.exercises;

import course.cpuio.RangeWork;
import course.cpuio.SplitJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exercise cpuio.split, solved. The range is cut into four parts per core, so a core that
 * finishes its cheap parts early takes another instead of idling while the dear ones (prime
 * counting costs more for larger numbers) finish. Each part returns its own result through a
 * {@link Future}: nothing is shared between the parts, so nothing needs a lock. {@code get()}
 * waits for each part and rethrows its failure; {@code close()} (Java 19+) shuts the pool
 * down and waits for it. The boundaries are {@code from + (to - from) * i / parts}: a product
 * of at most a trillion and the number of parts, far from overflowing a long, and exact, unlike
 * a double; and no {@code (from + to) / 2}, which overflows near {@code Long.MAX_VALUE}. The
 * starter's javadoc lists every promise.
 */
public final class CoreSplitter implements SplitJob {

    static final int PARTS_PER_CORE = 4;

    // tag::solution[]
    @Override
    public long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException {
        int cores = Runtime.getRuntime().availableProcessors();
        int parts = cores * PARTS_PER_CORE;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long start = boundary(from, to, i, parts);
                long end = boundary(from, to, i + 1, parts);
                results.add(pool.submit(() -> work.count(start, end)));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();     // waits for this part; throws if it failed
            }
            return total;
        }                                  // close(): shut down, wait for the threads to end
    }

    /** Where part {@code i} of {@code parts} begins; part {@code parts} begins at {@code to}. */
    static long boundary(long from, long to, int i, int parts) {
        return from + (to - from) * i / parts;
    }
    // end::solution[]
}
