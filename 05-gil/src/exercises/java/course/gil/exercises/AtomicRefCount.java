package course.gil.exercises;

import course.gil.RefCount;

/**
 * Exercise gil.atomic-count: a reference count for the free-threaded build.
 *
 * <p>Without a GIL, threads on different cores take and drop references to the same object at
 * the same moment. A lost increment frees an object still in use; a lost decrement means it is
 * never freed. Make every change to the count one indivisible step, and make sure that exactly
 * one {@link #decrement()}, the one that takes the count to zero, returns true.
 *
 * <p>Run {@code ./mvnw test -pl 05-gil} to check your answer.
 */
public final class AtomicRefCount implements RefCount {

    private long count = 1; // a new object has one reference: its creator's

    @Override
    public void increment() {
        // TODO: read, add, write: two threads can both read 1 and both write 2.
        count++;
    }

    @Override
    public boolean decrement() {
        // TODO: the change and the test for zero must be one step, or two threads may both see zero.
        count--;
        return count == 0;
    }

    @Override
    public long get() {
        return count;
    }
}
