package course.refcount.exercises;

import course.refcount.RefCounted;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise refcount.threads, solved with a compare-and-set loop on an {@link AtomicInteger}.
 * Each method reads the count, decides, and then changes it only if it is still what was read:
 * {@code compareAndSet(seen, seen + 1)} is the check and the change in one indivisible step.
 * If another thread changed the count in between, the compare-and-set fails and the loop
 * looks again. So a retain can never take a freed resource (0) back to 1, a release can never
 * go below 0, and exactly one release (the one whose compare-and-set took 1 to 0) frees it.
 *
 * <p>Also right: {@code synchronized} on both methods (and on refCnt); a release built on
 * {@code decrementAndGet()} that frees when it returns 0 and, when it returns less than 0,
 * adds the 1 back and throws.
 */
public final class SharedResource implements RefCounted {

    private final Runnable free;

    public SharedResource(Runnable free) {
        this.free = free;
    }

    // tag::solution[]
    private final AtomicInteger count = new AtomicInteger(1); // the creator's reference

    @Override
    public int refCnt() {
        return count.get();
    }

    @Override
    public void retain() {
        while (true) {
            int seen = count.get();
            if (seen == 0) {
                throw new IllegalStateException("retain() on a freed resource: it cannot come back to life");
            }
            if (count.compareAndSet(seen, seen + 1)) {
                return;
            }
        }
    }

    @Override
    public boolean release() {
        while (true) {
            int seen = count.get();
            if (seen == 0) {
                throw new IllegalStateException("release() on a freed resource: it was already released by its last owner");
            }
            if (count.compareAndSet(seen, seen - 1)) {
                if (seen == 1) {   // our step took the count from 1 to 0: we, and only we, free it
                    free.run();
                    return true;
                }
                return false;
            }
        }
    }
    // end::solution[]
}
