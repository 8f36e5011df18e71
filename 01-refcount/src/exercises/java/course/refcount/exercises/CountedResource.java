package course.refcount.exercises;

import course.refcount.RefCounted;

/**
 * Exercise refcount.release: retain, release, and free exactly once.
 *
 * <p>A resource (think of a pooled buffer) with a reference count. It starts with one owner.
 * {@link #retain()} adds an owner, {@link #release()} removes one, and the release that takes
 * the count to zero runs {@code free} (which gives the memory back), once and only once.
 * A freed resource is gone: a retain or a release after that is a bug in the caller, and must
 * fail loudly with an {@link IllegalStateException} that says what happened, without changing
 * anything. One thread at a time uses this class (the next exercise adds threads).
 *
 * <p>Run {@code ./mvnw test -pl 01-refcount} to check your answer.
 */
public final class CountedResource implements RefCounted {

    private final Runnable free;
    private int count = 1; // the creator's reference

    public CountedResource(Runnable free) {
        this.free = free;
    }

    @Override
    public int refCnt() {
        return count;
    }

    @Override
    public void retain() {
        // TODO: a freed resource must not come back to life.
        count++;
    }

    @Override
    public boolean release() {
        // TODO: what happens when a freed resource is released again?
        count--;
        if (count == 0) {
            free.run();
            return true;
        }
        return false;
    }
}
