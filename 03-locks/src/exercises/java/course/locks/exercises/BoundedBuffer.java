package course.locks.exercises;

import course.locks.BlockingBuffer;
import course.locks.Shelf;

/**
 * Exercise locks.buffer: a bounded buffer that waits for room and for items.
 *
 * <p>The items live on a {@link Shelf}, which does no locking and no waiting of its own and
 * refuses to add beyond its capacity or to take from nothing; keep no copy of its items or of
 * its size. Producer threads call {@link #put}, consumer threads call {@link #take}, many of
 * each at once. A put must wait while the shelf is full, a take while it is empty, and a
 * thread that waits must be woken when what it waits for may have come true; a waiting
 * thread that is interrupted must stop waiting with {@link InterruptedException}.
 *
 * <p>Use one {@link java.util.concurrent.locks.ReentrantLock} and two
 * {@link java.util.concurrent.locks.Condition}s made from it.
 *
 * <p>Run {@code ./mvnw test -pl 03-locks} to check your answer.
 */
public final class BoundedBuffer<T> implements BlockingBuffer<T> {

    private final Shelf<T> shelf;

    public BoundedBuffer(Shelf<T> shelf) {
        this.shelf = shelf;
    }

    @Override
    public void put(T item) throws InterruptedException {
        // TODO: under a lock, wait while the shelf is full; then add, and wake a waiting taker.
        shelf.add(item); // throws if the shelf is full
    }

    @Override
    public T take() throws InterruptedException {
        // TODO: under the same lock, wait while the shelf is empty; then remove, and wake a waiting putter.
        return shelf.remove(); // throws if the shelf is empty
    }
}
