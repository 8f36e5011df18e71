package course.gil;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Biased reference counting, as in PEP 703 (after Choi, Shull and Torrellas, 2018). Most objects
 * are only ever used by the thread that made them, so that thread, the owner, counts its
 * references in a plain field, with plain instructions, as under a GIL. Every other thread counts
 * in a shared field, atomically. The object is dead when the two add up to zero.
 *
 * <p>When the owner's count reaches zero, the owner <em>merges</em>: it marks the shared count as
 * merged (one atomic step, which also reads it), and from then on every thread, the owner too,
 * uses the shared count only. If the shared count was zero at the merge, nobody else holds a
 * reference and the owner frees the object; otherwise the thread whose decrement takes the merged
 * shared count to zero frees it.
 *
 * <p>A simplification: in PEP 703 a thread that takes the shared count below zero (it dropped a
 * reference that the owner had counted) puts the object on the owner's queue, and the owner
 * merges it soon after. This class leaves the queue out, so such an object would never be freed,
 * and the heap's checker would report it. It does not happen in this lesson's programs, where
 * each object is let go by the thread that made it, or outlives the run.
 */
public final class BiasedRefCount implements RefCount {

    private static final long MERGED = 1; // the low bit of the shared field
    private static final long ONE = 2;    // the count lives above it

    private final Thread owner = Thread.currentThread();
    private long local = 1;               // the owner's references: only the owner touches it
    private boolean merged;               // the owner's own note that it has merged
    private final AtomicLong shared = new AtomicLong(); // other threads' references, times two, | MERGED

    // tag::biased[]
    @Override
    public void increment() {
        if (Thread.currentThread() == owner && !merged) {
            local++;                      // the owner: a plain add, no atomic instruction
        } else {
            shared.addAndGet(ONE);        // anyone else: atomic
        }
    }

    @Override
    public boolean decrement() {
        if (Thread.currentThread() == owner && !merged) {
            if (--local > 0) {
                return false;
            }
            merged = true;                // the owner's last reference: merge, in one atomic step
            long before = shared.getAndUpdate(value -> value | MERGED);
            return before >> 1 == 0;      // nobody else holds one: free it now
        }
        long after = shared.addAndGet(-ONE);
        return (after & MERGED) != 0 && after >> 1 == 0; // merged, and this was the last one
    }
    // end::biased[]

    /** A snapshot; the owner's part is read without synchronisation, so from another thread it may be stale. */
    @Override
    public long get() {
        return (merged ? 0 : local) + (shared.get() >> 1);
    }
}
