package course.race.exercises;

import course.race.Counter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise race.counter, solved with an {@link AtomicLong}: {@code incrementAndGet} does the
 * read, the add and the write as one indivisible step (a CAS, or one locked instruction), and
 * every read of an atomic sees the latest write.
 *
 * <p>Also right: {@code synchronized} on both methods; a {@code ReentrantLock} around both;
 * a {@code LongAdder} (fastest under heavy contention, when reads are rare).
 */
public final class SafeCounter implements Counter {

    // tag::solution[]
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }
    // end::solution[]
}
