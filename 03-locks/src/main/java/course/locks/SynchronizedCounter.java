package course.locks;

/**
 * The article's locked counter with Java's built-in lock: a {@code synchronized} block on a
 * private object. Every object can serve as a lock (a monitor); the block takes it on entry
 * and gives it back on exit, whether the block ends normally or by an exception.
 */
public final class SynchronizedCounter implements Counter {

    // tag::synchronized[]
    private final Object lock = new Object(); // private: no other code can take it by accident
    private long count;                       // guarded by lock

    @Override
    public void increment() {
        synchronized (lock) {   // Python: with self.lock:
            count++;            // read, add, write: no other thread between them
        }                       // released here, even if the block throws
    }
    // end::synchronized[]

    @Override
    public long get() {
        synchronized (lock) { // the same lock for the read: it makes the latest write visible
            return count;
        }
    }
}
