package course.cpuio;

import java.util.concurrent.ExecutionException;

/** Runs one {@link RangeWork} over a whole range, by splitting the range into parts. */
public interface SplitJob {

    /**
     * The result of {@code work} for {@code from <= n < to}: the sum of its results on the parts,
     * each number in exactly one part.
     *
     * @throws ExecutionException if the work failed on any part (its exception is the cause; an
     *                            answer may also let that exception out as it is)
     */
    long run(long from, long to, RangeWork work) throws InterruptedException, ExecutionException;
}
