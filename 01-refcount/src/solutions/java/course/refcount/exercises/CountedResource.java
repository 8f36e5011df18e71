package course.refcount.exercises;

import course.refcount.RefCounted;

/**
 * Exercise refcount.release, solved. A count of 0 means "freed", and both methods look at the
 * count before they change it: at 0, they throw and change nothing. So the count never goes
 * below zero, a freed resource never comes back, and {@code free} runs exactly once, on the
 * release that takes the count from 1 to 0.
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

    // tag::solution[]
    @Override
    public void retain() {
        if (count == 0) {
            throw new IllegalStateException("retain() on a freed resource: it cannot come back to life");
        }
        count++;
    }

    @Override
    public boolean release() {
        if (count == 0) {
            throw new IllegalStateException("release() on a freed resource: it was already released by its last owner");
        }
        count--;
        if (count == 0) {
            free.run();
            return true;
        }
        return false;
    }
    // end::solution[]
}
