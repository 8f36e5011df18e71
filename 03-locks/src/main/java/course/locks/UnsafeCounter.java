package course.locks;

/**
 * The article's first counter: no lock at all. {@code count++} is a read, an add and a write,
 * and two threads can interleave them (lesson 02). Here only as the baseline of the price list.
 */
public final class UnsafeCounter implements Counter {

    private volatile long count; // volatile: every increment really reads and writes, so the race shows

    @Override
    public void increment() {
        count++; // loses updates under contention
    }

    @Override
    public long get() {
        return count;
    }
}
