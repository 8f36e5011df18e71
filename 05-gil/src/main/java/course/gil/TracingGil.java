package course.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GIL wrapped so that it writes down who took it, and when: the demos' window on the handoff.
 * It sees a take when {@link #acquire()} returns, and when {@link #checkpoint()} returns after
 * another thread took the GIL meanwhile (this thread handed it over and got it back).
 */
public final class TracingGil implements Gil {

    /** One take: who, and how long after the trace began. */
    public record Take(String thread, long nanos) {
    }

    private final Gil gil;
    private final long start = System.nanoTime();
    private final AtomicLong takes = new AtomicLong();
    private final ConcurrentLinkedQueue<Take> trace = new ConcurrentLinkedQueue<>();

    public TracingGil(Gil gil) {
        this.gil = gil;
    }

    @Override
    public void acquire() throws InterruptedException {
        gil.acquire();
        record();
    }

    @Override
    public void release() {
        gil.release();
    }

    @Override
    public void checkpoint() throws InterruptedException {
        long before = takes.get();
        gil.checkpoint();
        if (takes.get() != before) {
            record(); // someone else had it meanwhile: this thread took it back
        }
    }

    private void record() {
        takes.incrementAndGet();
        trace.add(new Take(Thread.currentThread().getName(), System.nanoTime() - start));
    }

    @Override
    public Thread holder() {
        return gil.holder();
    }

    @Override
    public boolean dropRequested() {
        return gil.dropRequested();
    }

    /** Nanoseconds since the trace began. */
    public long nanosSinceStart() {
        return System.nanoTime() - start;
    }

    /** The takes so far, in order. */
    public List<Take> takes() {
        List<Take> list = new ArrayList<>(trace);
        list.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
        return list;
    }
}
