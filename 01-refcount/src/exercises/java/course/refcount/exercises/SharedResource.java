package course.refcount.exercises;

import course.refcount.RefCounted;

/**
 * Exercise refcount.threads: a count that threads cannot break.
 *
 * <p>The same rules as {@code CountedResource} (start with one owner, free exactly once at zero,
 * refuse to retain or release a freed resource), and now any number of threads may call
 * {@link #retain()} and {@link #release()} on the same resource at the same time. Make sure no
 * change of the count is lost, the resource is freed exactly once, never while an owner still
 * holds it, and never brought back after it was freed.
 *
 * <p>Run {@code ./mvnw test -pl 01-refcount} to check your answer.
 */
public final class SharedResource implements RefCounted {

    private final Runnable free;
    private int count = 1; // the creator's reference

    public SharedResource(Runnable free) {
        this.free = free;
    }

    @Override
    public int refCnt() {
        return count;
    }

    @Override
    public void retain() {
        // TODO: between this check and this increment, another thread can release the last reference.
        if (count == 0) {
            throw new IllegalStateException("retain() on a freed resource");
        }
        count++;
    }

    @Override
    public boolean release() {
        // TODO: count-- is a read and a write; two releases can both read 2 and both write 1.
        if (count == 0) {
            throw new IllegalStateException("release() on a freed resource");
        }
        count--;
        if (count == 0) {
            free.run();
            return true;
        }
        return false;
    }
}
