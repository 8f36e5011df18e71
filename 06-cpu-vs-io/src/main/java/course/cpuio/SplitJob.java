package course.cpuio;

import java.util.concurrent.ExecutionException;

/** Runs one {@link RangeWork} over a whole range, by splitting the range into parts. */
public interface SplitJob {

    /**
     * The result of {@code work} for {@code from <= n < to}: the sum of its results on the parts.
     *
     * @throws ExecutionException if the work failed on any part (its exception is the cause)
     */
    long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException;
}
