package course.locks;

import java.util.concurrent.atomic.AtomicLong;

/** No lock: one atomic read-modify-write instruction per increment (a locked add on x86). */
public final class AtomicLongCounter implements Counter {

    // tag::atomic[]
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.incrementAndGet(); // read, add and write as one indivisible step
    }
    // end::atomic[]

    @Override
    public long get() {
        return count.get();
    }
}
