package course.locks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code lockInterruptibly()} against {@code lock()}. A thread waiting for a lock is
 * interrupted (the usual way to ask a thread to stop). Waiting in {@code lockInterruptibly()},
 * it stops waiting at once with an {@link InterruptedException}. Waiting in {@code lock()}, it
 * ignores the interrupt and waits on until the lock is free, as a thread blocked on
 * {@code synchronized} does; the interrupt is only remembered for later.
 */
public final class InterruptibleLockDemo {

    /** What the interrupted waiter did. */
    public record Outcome(String how, boolean gaveUpWhileLockHeld, boolean interruptFlagAfterwards) {
    }

    // tag::interruptible[]
    static String waitInterruptibly(ReentrantLock lock) {
        try {
            lock.lockInterruptibly();         // waits, but an interrupt ends the wait
        } catch (InterruptedException e) {
            return "gave up: InterruptedException";
        }
        try {
            return "got the lock";
        } finally {
            lock.unlock();
        }
    }

    static String waitUninterruptibly(ReentrantLock lock) {
        lock.lock();                          // waits until the lock is free, interrupt or not
        try {
            return "got the lock";
        } finally {
            lock.unlock();
        }
    }
    // end::interruptible[]

    /**
     * Holds a lock, lets a waiter queue for it, interrupts the waiter, and looks: did the
     * waiter stop waiting while the lock was still held?
     */
    public static Outcome interruptWhileWaiting(boolean interruptibly) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        String[] how = new String[1];
        boolean[] flag = new boolean[1];
        Thread waiter;
        boolean gaveUpWhileHeld;
        lock.lock(); // this thread holds the lock until the finally below
        try {
            waiter = Thread.ofPlatform().name("waiter").daemon(true).start(() -> {
                how[0] = interruptibly ? waitInterruptibly(lock) : waitUninterruptibly(lock);
                flag[0] = Thread.currentThread().isInterrupted();
            });
            while (!lock.hasQueuedThread(waiter)) { // until the waiter is parked in the lock's queue
                Thread.sleep(1);
            }
            waiter.interrupt();
            if (interruptibly) {
                waiter.join();                      // it ends although the lock is still held
            } else {
                Thread.sleep(100);                  // give it time to react: it does not
            }
            gaveUpWhileHeld = !lock.hasQueuedThread(waiter);
        } finally {
            lock.unlock();
        }
        waiter.join();
        return new Outcome(how[0], gaveUpWhileHeld, flag[0]);
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("lockInterruptibly(): " + interruptWhileWaiting(true));
        System.out.println("lock():              " + interruptWhileWaiting(false));
    }
}
