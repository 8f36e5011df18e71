package course.locks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference count with no lock: each change is one atomic instruction, and the thread whose
 * decrement reaches zero is the one (the only one) that frees. {@code retain()} refuses to
 * bring a freed object back: it adds one only if the count is not already zero, in a
 * compare-and-set loop.
 */
public final class AtomicRefCount implements RefCounted {

    private final AtomicInteger count = new AtomicInteger(1);
    private volatile boolean freed;

    // tag::atomic-refcount[]
    @Override
    public void retain() {
        int seen;
        do {
            seen = count.get();
            if (seen == 0) {
                throw new IllegalStateException("retain() after the object was freed");
            }
        } while (!count.compareAndSet(seen, seen + 1)); // someone changed it since we read it: read again
    }

    @Override
    public void release() {
        if (count.decrementAndGet() == 0) { // exactly one thread sees the zero
            freed = true;
        }
    }
    // end::atomic-refcount[]

    @Override
    public int count() {
        return count.get();
    }

    @Override
    public boolean isFreed() {
        return freed;
    }
}
