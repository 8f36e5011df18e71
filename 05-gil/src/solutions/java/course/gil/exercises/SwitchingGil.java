package course.gil.exercises;

import course.gil.Gil;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise gil.lock, solved the way CPython's {@code Python/ceval_gil.c} does it: a mutex, a
 * condition for "the GIL was given up", a second one for "another thread took it", and a count
 * of switches so that a waiter can tell whether the GIL changed hands while it waited.
 *
 * <p>Also right: a fair lock whose holder, after dropping, waits for the switch count to move;
 * a monitor ({@code synchronized}, {@code wait}, {@code notifyAll}) with the same rules; a
 * direct handoff, where the holder names the next holder from a queue of waiters.
 */
public final class SwitchingGil implements Gil {

    private final long intervalNanos;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition freed = mutex.newCondition();    // signalled when the holder gives the GIL up
    private final Condition switched = mutex.newCondition(); // signalled when a thread takes it (or stops waiting)
    private volatile Thread holder;                          // written with the mutex held
    private volatile boolean dropRequested;                  // read by the holder between instructions
    private long switches;                                   // how often the GIL was taken; mutex held
    private int waiting;                                     // threads waiting in acquire(); mutex held

    public SwitchingGil(Duration switchInterval) {
        this.intervalNanos = switchInterval.toNanos();
    }

    // tag::solution[]
    @Override
    public void acquire() throws InterruptedException {
        mutex.lockInterruptibly();
        try {
            waiting++;
            try {
                while (holder != null) {
                    long switchesBefore = switches;
                    boolean intervalPassed = freed.awaitNanos(intervalNanos) <= 0;
                    if (intervalPassed && holder != null && switches == switchesBefore) {
                        dropRequested = true; // a whole interval without a switch: ask the holder to let go
                    }
                }
            } finally {
                waiting--;
                switched.signalAll(); // a holder waiting for a switch must not wait for a waiter that left
            }
            holder = Thread.currentThread();
            switches++;
            dropRequested = false; // this switch answers the request
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
        if (!dropRequested) {
            return; // the usual case: one volatile read per instruction
        }
        mutex.lock();
        try {
            long switchesBefore = switches;
            holder = null;
            freed.signal();
            while (switches == switchesBefore && waiting > 0) {
                switched.awaitUninterruptibly(); // forced switching: not back before someone else had it
            }
        } finally {
            mutex.unlock();
        }
        acquire();
    }
    // end::solution[]

    @Override
    public Thread holder() {
        return holder;
    }

    @Override
    public boolean dropRequested() {
        return dropRequested;
    }
}
