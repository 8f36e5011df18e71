package course.gil.exercises;

import course.gil.RefCount;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise gil.atomic-count, solved with an {@link AtomicLong}: {@code incrementAndGet} and
 * {@code decrementAndGet} are each one atomic instruction ({@code lock xadd} on x86), and the
 * value {@code decrementAndGet} returns is the count this very step produced, so only the step
 * that made it zero sees zero.
 *
 * <p>Also right: a {@code VarHandle} {@code getAndAdd} on a field; a compare-and-set loop;
 * {@code synchronized} on both methods (correct, and much slower under contention).
 */
public final class AtomicRefCount implements RefCount {

    // tag::solution[]
    private final AtomicLong count = new AtomicLong(1);

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public boolean decrement() {
        return count.decrementAndGet() == 0;
    }
    // end::solution[]

    @Override
    public long get() {
        return count.get();
    }
}
