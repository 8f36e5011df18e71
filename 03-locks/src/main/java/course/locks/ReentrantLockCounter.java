package course.locks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The same counter with an explicit {@link ReentrantLock}. Nothing releases it for you: the
 * idiom is {@code lock()} just before a {@code try}, and {@code unlock()} in its {@code finally}.
 */
public final class ReentrantLockCounter implements Counter {

    // tag::reentrant-lock[]
    private final ReentrantLock lock;
    private long count; // guarded by lock
    // end::reentrant-lock[]

    public ReentrantLockCounter() {
        this(false);
    }

    /** With {@code fair = true}, waiting threads get the lock in the order they asked for it. */
    public ReentrantLockCounter(boolean fair) {
        lock = new ReentrantLock(fair);
    }

    // tag::reentrant-lock[]
    @Override
    public void increment() {
        lock.lock();            // before the try: if taking the lock fails, there is nothing to release
        try {
            count++;
        } finally {
            lock.unlock();      // however the try ends, normally or by an exception
        }
    }
    // end::reentrant-lock[]

    @Override
    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
