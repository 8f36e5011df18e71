package course.gil.exercises;

import course.gil.Gil;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise gil.lock: a GIL that takes turns.
 *
 * <p>This GIL already keeps threads apart: one holder at a time. But a thread that holds it
 * never lets go until it ends, so a second thread waits for the whole of the first one's work.
 * Make it switch as CPython's does:
 * <ol>
 *   <li>a waiting thread waits at most one switch interval; if the GIL has not changed hands in
 *       that time, it sets {@code dropRequested} and goes on waiting;
 *   <li>the holder, in {@link #checkpoint()}, sees the request, drops the GIL, and waits until
 *       another thread has taken it before it queues up again (it must not take it straight back);
 *   <li>taking the GIL answers the request: it is cleared.
 * </ol>
 *
 * <p>Run {@code ./mvnw test -pl 05-gil} to check your answer.
 */
public final class SwitchingGil implements Gil {

    private final Duration switchInterval;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition freed = mutex.newCondition(); // signalled when the holder gives the GIL up
    private volatile Thread holder;                       // written with the mutex held
    private volatile boolean dropRequested;               // read by the holder between instructions

    public SwitchingGil(Duration switchInterval) {
        this.switchInterval = switchInterval;
    }

    @Override
    public void acquire() throws InterruptedException {
        mutex.lockInterruptibly();
        try {
            while (holder != null) {
                // TODO: wait at most one switch interval (switchInterval). If the GIL is still taken and
                //  has not changed hands meanwhile, set dropRequested, and go on waiting.
                freed.await();
            }
            holder = Thread.currentThread();
            // TODO: taking the GIL answers any drop request.
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void release() {
        mutex.lock();
        try {
            if (holder != Thread.currentThread()) {
                throw new IllegalStateException(Thread.currentThread().getName() + " does not hold the GIL");
            }
            holder = null;
            freed.signal();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void checkpoint() throws InterruptedException {
        // TODO: if a waiting thread has asked (dropRequested), drop the GIL, wait until another thread
        //  has taken it, then take it back with acquire(). Without a request, return at once.
    }

    @Override
    public Thread holder() {
        return holder;
    }

    @Override
    public boolean dropRequested() {
        return dropRequested;
    }
}
