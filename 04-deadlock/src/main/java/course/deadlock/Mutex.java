package course.deadlock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A lock with one owner at a time that is not reentrant, like Python's {@code threading.Lock}:
 * the lock each account of the article has.
 *
 * <p>Two things set it apart from {@link java.util.concurrent.locks.ReentrantLock}:
 * <ul>
 *   <li>A thread that holds it cannot take it again. Python's lock would make such a thread wait
 *       for itself forever; this one refuses at once: {@link #lock()}, {@link #lockInterruptibly()}
 *       and the timed {@link #tryLock(long, TimeUnit)} throw an {@link IllegalStateException} when
 *       the caller already holds it, and {@link #tryLock()} returns false.
 *   <li>It is built on {@link AbstractQueuedSynchronizer} and is its own synchronizer, so the
 *       JVM's thread tools see it as it is: {@code ThreadMXBean.findDeadlockedThreads()} finds
 *       cycles through it, and a thread dump or a {@link java.lang.management.LockInfo} names
 *       {@code course.deadlock.Mutex} and this object's identity hash code.
 * </ul>
 * Use it through the {@link Lock} interface; the synchronizer methods it inherits are its inner
 * workings.
 */
public final class Mutex extends AbstractQueuedSynchronizer implements Lock {

    private static final long serialVersionUID = 1L;

    private final String name;

    /** A free mutex; {@code name} (say, "account 1's lock") appears in messages and in {@link #toString()}. */
    public Mutex(String name) {
        this.name = name;
    }

    // ---- the synchronizer: state 0 is free, 1 is held ----

    @Override
    protected boolean tryAcquire(int ignored) {
        if (compareAndSetState(0, 1)) {
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int ignored) {
        if (getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new IllegalMonitorStateException(Thread.currentThread().getName() + " unlocks " + name
                    + ", which it does not hold");
        }
        setExclusiveOwnerThread(null);
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    // ---- the Lock ----

    // tag::not-reentrant[]
    @Override
    public void lock() {
        refuseOwner();                                  // Python's Lock would wait for itself here, forever
        acquire(1);
    }
    // end::not-reentrant[]

    @Override
    public void lockInterruptibly() throws InterruptedException {
        refuseOwner();
        acquireInterruptibly(1);
    }

    @Override
    public boolean tryLock() {
        return tryAcquire(1);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        refuseOwner();
        return tryAcquireNanos(1, unit.toNanos(time));
    }

    @Override
    public void unlock() {
        release(1);
    }

    /** Not supported: the course's transfers never wait for a condition. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a Mutex has no conditions");
    }

    /** Is it held by some thread now? */
    public boolean isLocked() {
        return getState() != 0;
    }

    /** Does the calling thread hold it? */
    public boolean isHeldByCurrentThread() {
        return isHeldExclusively();
    }

    /** The thread that holds it now, or null. */
    public Thread owner() {
        return getExclusiveOwnerThread();
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        Thread owner = owner();
        return name + (owner == null ? " (free)" : " (held by \"" + owner.getName() + "\")");
    }

    // tag::not-reentrant[]
    private void refuseOwner() {
        if (isHeldExclusively()) {
            throw new IllegalStateException("\"" + Thread.currentThread().getName() + "\" asks for " + name
                    + ", which it already holds: a Mutex is not reentrant, so it would wait for itself forever");
        }
    }
    // end::not-reentrant[]
}
