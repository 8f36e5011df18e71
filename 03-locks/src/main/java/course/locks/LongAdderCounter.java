package course.locks;

import java.util.concurrent.atomic.LongAdder;

/**
 * No lock and, under contention, no shared hot spot: a {@link LongAdder} starts with one
 * cell and, when threads collide on it, gives them separate cells (striping). {@code get()}
 * adds the cells up, so reading costs more and is only exact when no one is adding.
 */
public final class LongAdderCounter implements Counter {

    // tag::adder[]
    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment(); // adds to this thread's cell once threads start to collide
    }

    @Override
    public long get() {
        return count.sum(); // the sum of all cells
    }
    // end::adder[]
}
