package course.locks;

/**
 * A bounded buffer between producer and consumer threads: what exercise locks.buffer
 * implements. {@code put} waits while the buffer is full, {@code take} waits while it is
 * empty, and both waits end early, with {@link InterruptedException}, if the waiting thread is
 * interrupted. Items come out in the order they went in.
 */
public interface BlockingBuffer<T> {

    /** Adds {@code item}, waiting for room first if the buffer is full. */
    void put(T item) throws InterruptedException;

    /** Removes and returns the oldest item, waiting for one first if the buffer is empty. */
    T take() throws InterruptedException;
}
