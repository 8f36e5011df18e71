package course.gil.exercises;

import course.gil.Gil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers a learner might give to exercise gil.lock, right and wrong, for {@code GilCheckIT}.
 * Each is a plausible attempt, written out in full so that it can be read on its own.
 */
public final class GilAnswers {

    private GilAnswers() {
    }

    // ---- wrong ----

    /** The starter: a good mutex that never switches. Waiters wait, and never ask. */
    public static final class NeverAsks implements Gil {
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private volatile Thread holder;

        public NeverAsks(Duration switchInterval) {
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    freed.await();
                }
                holder = Thread.currentThread();
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() {
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return false; }
    }

    /** Waiters ask after an interval, but the holder never looks at the request. */
    public static final class IgnoresDropRequests implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;

        public IgnoresDropRequests(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null) {
                        dropRequested = true;
                    }
                }
                holder = Thread.currentThread();
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() {
            // "the holder will release it when it is done"
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Drops the GIL when asked, then takes it straight back: release(); acquire(); */
    public static final class RetakesAtOnce implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;

        public RetakesAtOnce(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    long before = switches;
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() throws InterruptedException {
            if (dropRequested) {
                release(); // the waiter is signalled...
                acquire(); // ...but this thread is already running, and gets there first
            }
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** A plain (unfair) ReentrantLock: unlock(), then lock() again, barges in ahead of the queued waiter. */
    public static final class UnfairLockRetakes implements Gil {
        private final long intervalNanos;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Thread holder;
        private volatile boolean dropRequested;

        public UnfairLockRetakes(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            if (!lock.tryLock(intervalNanos, TimeUnit.NANOSECONDS)) {
                dropRequested = true;
                lock.lockInterruptibly();
            }
            holder = Thread.currentThread();
            dropRequested = false;
        }

        public void release() {
            holder = null;
            lock.unlock();
        }

        public void checkpoint() throws InterruptedException {
            if (dropRequested) {
                release();
                acquire();
            }
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Forced switching done right, but the request is never cleared once made. */
    public static final class NeverClearsRequest implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        private int waiting;

        public NeverClearsRequest(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        long before = switches;
                        if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                            dropRequested = true;
                        }
                    }
                } finally {
                    waiting--;
                    switched.signalAll();
                }
                holder = Thread.currentThread();
                switches++;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Clears the request in release(), but hands over in checkpoint() without calling it: stale after a switch. */
    public static final class ClearsOnlyInRelease implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        private int waiting;

        public ClearsOnlyInRelease(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        long before = switches;
                        if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                            dropRequested = true;
                        }
                    }
                } finally {
                    waiting--;
                    switched.signalAll();
                }
                holder = Thread.currentThread();
                switches++;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                dropRequested = false;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Asks as soon as it finds the GIL taken, without waiting an interval. */
    public static final class AsksAtOnce implements Gil {
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        private int waiting;

        public AsksAtOnce(Duration switchInterval) {
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        dropRequested = true; // "I am waiting: let me in"
                        freed.await();
                    }
                } finally {
                    waiting--;
                    switched.signalAll();
                }
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                holder = null;
                freed.signal();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** A lock-free GIL: spin until holder is null, then write yourself in. Check, then act. */
    public static final class CheckThenTake implements Gil {
        private final long intervalNanos;
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private final AtomicInteger waiting = new AtomicInteger();

        public CheckThenTake(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            waiting.incrementAndGet();
            try {
                long start = System.nanoTime();
                while (holder != null) { // check...
                    if (System.nanoTime() - start > intervalNanos) {
                        dropRequested = true;
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    Thread.onSpinWait();
                }
                holder = Thread.currentThread(); // ...then act: another spinner may do the same
                dropRequested = false;
            } finally {
                waiting.decrementAndGet();
            }
        }

        public void release() {
            holder = null;
        }

        public void checkpoint() throws InterruptedException {
            if (dropRequested) {
                Thread me = Thread.currentThread();
                holder = null;
                while (holder == null && waiting.get() > 0) { // until someone else has it
                    Thread.onSpinWait();
                }
                if (holder != me) {
                    acquire();
                }
            }
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Drops the GIL when asked, and runs on: it forgets to take it back. */
    public static final class DropsAndRunsOn implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;

        public DropsAndRunsOn(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    long before = switches;
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }

        public void release() {
            mutex.lock();
            try {
                if (holder == Thread.currentThread()) {
                    holder = null;
                    freed.signal();
                }
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() {
            if (dropRequested) {
                release(); // let the waiter in... and carry on
            }
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Everything synchronized, and acquire() sleeps inside the monitor: the holder can never get in to let go. */
    public static final class SleepsInsideSynchronized implements Gil {
        private final long intervalNanos;
        private volatile Thread holder;
        private volatile boolean dropRequested;

        public SleepsInsideSynchronized(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public synchronized void acquire() throws InterruptedException {
            long start = System.nanoTime();
            while (holder != null) {
                if (System.nanoTime() - start > intervalNanos) {
                    dropRequested = true;
                }
                Thread.sleep(0, 100_000); // keeps the monitor while it sleeps
            }
            holder = Thread.currentThread();
            dropRequested = false;
        }

        public synchronized void release() {
            holder = null;
        }

        public synchronized void checkpoint() throws InterruptedException {
            if (dropRequested) {
                holder = null;
                acquire();
            }
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** A waiter that gives up after a few intervals and takes the GIL anyway: "the holder must be stuck". */
    public static final class GivesUpWaiting implements Gil {

        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();    // signalled when the holder gives the GIL up
        private final Condition switched = mutex.newCondition(); // signalled when a thread takes it (or stops waiting)
        private volatile Thread holder;                          // written with the mutex held
        private volatile boolean dropRequested;                  // read by the holder between instructions
        private long switches;                                   // how often the GIL was taken; mutex held
        private int waiting;                                     // threads waiting in acquire(); mutex held

        public GivesUpWaiting(Duration switchInterval) {
            this.intervalNanos = switchInterval.toNanos();
        }

        @Override
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    int intervals = 0;
                    while (holder != null && intervals++ < 5) {
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

        @Override
        public Thread holder() {
            return holder;
        }

        @Override
        public boolean dropRequested() {
            return dropRequested;
        }
    }

    /** release() signals nobody: a waiter finds the GIL free only when its interval ends. */
    public static final class LostWakeUp implements Gil {

        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();    // signalled when the holder gives the GIL up
        private final Condition switched = mutex.newCondition(); // signalled when a thread takes it (or stops waiting)
        private volatile Thread holder;                          // written with the mutex held
        private volatile boolean dropRequested;                  // read by the holder between instructions
        private long switches;                                   // how often the GIL was taken; mutex held
        private int waiting;                                     // threads waiting in acquire(); mutex held

        public LostWakeUp(Duration switchInterval) {
            this.intervalNanos = switchInterval.toNanos();
        }

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
                holder = null; // no signal: the waiter will notice when its interval ends
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

        @Override
        public Thread holder() {
            return holder;
        }

        @Override
        public boolean dropRequested() {
            return dropRequested;
        }
    }

    /** A waiter that polls instead of waiting for a wake-up, sleeping one interval at a time. */
    public static final class PollsAnIntervalAtATime implements Gil {

        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();    // signalled when the holder gives the GIL up
        private final Condition switched = mutex.newCondition(); // signalled when a thread takes it (or stops waiting)
        private volatile Thread holder;                          // written with the mutex held
        private volatile boolean dropRequested;                  // read by the holder between instructions
        private long switches;                                   // how often the GIL was taken; mutex held
        private int waiting;                                     // threads waiting in acquire(); mutex held

        public PollsAnIntervalAtATime(Duration switchInterval) {
            this.intervalNanos = switchInterval.toNanos();
        }

        @Override
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        long switchesBefore = switches;
                        mutex.unlock();
                        try {
                            TimeUnit.NANOSECONDS.sleep(intervalNanos); // poll: look again after an interval
                        } finally {
                            mutex.lock();
                        }
                        boolean intervalPassed = true;
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

        @Override
        public Thread holder() {
            return holder;
        }

        @Override
        public boolean dropRequested() {
            return dropRequested;
        }
    }

    /**
     * The holder clears the request when it drops the GIL, and taking it clears nothing: a holder
     * that gives the GIL up with release() (a blocking call) leaves the request for the next one.
     */
    public static final class ClearsOnlyWhenDropping implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        private int waiting;
        public ClearsOnlyWhenDropping(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        long before = switches;
                        if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                            dropRequested = true;
                        }
                    }
                } finally {
                    waiting--;
                    switched.signalAll();
                }
                holder = Thread.currentThread();
                switches++;
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                dropRequested = false; // answered: "I am dropping it now"
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * Dropping the GIL on request, the holder waits for the switch, but at most one interval
     * ("nobody came: take it back"). A waiter that is slow to wake (its thread waits for a CPU on
     * a loaded machine) finds the GIL taken again, asks again, and again: the convoy that forced
     * switching exists to prevent.
     */
    public static final class HolderWaitsOneIntervalForASwitch implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        public HolderWaitsOneIntervalForASwitch(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    long before = switches;
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
                switched.signalAll();
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                long left = intervalNanos;
                while (switches == before && left > 0) {
                    left = switched.awaitNanos(left); // "nobody came within an interval: take it back"
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * A count of waiters, so that a dropping holder does not wait for nobody; but an interrupted
     * waiter leaves acquire() by the exception, past the decrement: a holder asked by it drops the
     * GIL and waits for ever for a switch to a thread that is gone.
     */
    public static final class WaiterCountNotRestoredOnInterrupt implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        private int waiting;
        public WaiterCountNotRestoredOnInterrupt(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                while (holder != null) {
                    long before = switches;
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
                waiting--; // not reached when awaitNanos throws
                switched.signalAll();
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * The dropping holder waits for the switch with no thought for whether anyone still waits: a
     * waiter that asked and was then interrupted never takes the GIL, and the holder waits for
     * ever.
     */
    public static final class WaitsForASwitchWhateverHappens implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private long switches;
        public WaitsForASwitchWhateverHappens(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                while (holder != null) {
                    long before = switches;
                    if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
                switched.signalAll();
                holder = Thread.currentThread();
                switches++;
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before) {
                    switched.awaitUninterruptibly(); // "someone asked, so someone will come"
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * The request as a count of the times waiters asked, one answered by each switch ("each
     * request gets its switch"): a waiter that waited several intervals asked several times, and
     * after it took the GIL the request is still open; the next checkpoint drops it for nobody.
     */
    public static final class CountsRequests implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition switched = mutex.newCondition();
        private volatile Thread holder;
        private volatile int requests; // times a waiter asked; mutex held to write
        private long switches;
        private int waiting;
        public CountsRequests(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        long before = switches;
                        if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && switches == before) {
                            requests++;
                        }
                    }
                } finally {
                    waiting--;
                    switched.signalAll();
                }
                holder = Thread.currentThread();
                switches++;
                if (requests > 0) {
                    requests--; // this switch answers one request
                }
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (requests == 0) {
                return;
            }
            mutex.lock();
            try {
                long before = switches;
                holder = null;
                freed.signal();
                while (switches == before && waiting > 0) {
                    switched.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return requests > 0; }
    }

    // ---- right ----

    /** A monitor: synchronized, wait with a deadline, notifyAll; the same rules as CPython's. */
    public static final class MonitorGil implements Gil {
        private final long intervalNanos;
        private volatile Thread holder;             // written inside the monitor
        private volatile boolean dropRequested;
        private long switches;                      // inside the monitor
        private int waiting;                        // inside the monitor

        public MonitorGil(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public synchronized void acquire() throws InterruptedException {
            waiting++;
            try {
                while (holder != null) {
                    long before = switches;
                    long deadline = System.nanoTime() + intervalNanos;
                    for (long left = intervalNanos; holder != null && switches == before && left > 0;
                         left = deadline - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                    if (holder != null && switches == before) {
                        dropRequested = true;
                    }
                }
            } finally {
                waiting--;
                notifyAll();
            }
            holder = Thread.currentThread();
            switches++;
            dropRequested = false;
            notifyAll();
        }

        public synchronized void release() {
            if (holder != Thread.currentThread()) {
                throw new IllegalStateException("not the holder");
            }
            holder = null;
            notifyAll();
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            synchronized (this) {
                long before = switches;
                holder = null;
                notifyAll();
                while (switches == before && waiting > 0) {
                    wait();
                }
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** A fair ReentrantLock, and a switch count the dropping holder waits on before it queues again. */
    public static final class FairLockGil implements Gil {
        private final long intervalNanos;
        private final ReentrantLock lock = new ReentrantLock(true);
        private final AtomicLong switches = new AtomicLong();
        private final AtomicInteger waiting = new AtomicInteger();
        private volatile Thread holder;
        private volatile boolean dropRequested;

        public FairLockGil(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            waiting.incrementAndGet();
            try {
                while (true) {
                    long before = switches.get();
                    if (lock.tryLock(intervalNanos, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    if (switches.get() == before) {
                        dropRequested = true;
                    }
                }
            } finally {
                waiting.decrementAndGet();
            }
            holder = Thread.currentThread();
            switches.incrementAndGet();
            dropRequested = false;
        }

        public void release() {
            holder = null;
            lock.unlock();
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            long before = switches.get();
            release();
            while (switches.get() == before && waiting.get() > 0) {
                LockSupport.parkNanos(20_000); // a waiter is about to take it: let it
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /** Direct handoff: waiters queue up, and the holder gives the GIL to the first of them by name. */
    public static final class HandoffGil implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition changed = mutex.newCondition();
        private final ArrayDeque<Thread> queue = new ArrayDeque<>();
        private volatile Thread holder;
        private volatile boolean dropRequested;

        public HandoffGil(Duration switchInterval) {
            intervalNanos = switchInterval.toNanos();
        }

        public void acquire() throws InterruptedException {
            Thread me = Thread.currentThread();
            mutex.lockInterruptibly();
            try {
                if (holder == null && queue.isEmpty()) {
                    holder = me;
                    dropRequested = false;
                    return;
                }
                queue.addLast(me);
                try {
                    while (holder != me) {
                        Thread seen = holder;
                        if (changed.awaitNanos(intervalNanos) <= 0 && holder == seen && holder != me) {
                            dropRequested = true;
                        }
                    }
                } catch (InterruptedException e) {
                    queue.remove(me);
                    if (holder == me) {
                        handOver();
                    }
                    throw e;
                }
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }

        /** The first waiter becomes the holder (or nobody, if nobody waits). Mutex held. */
        private void handOver() {
            holder = queue.pollFirst();
            changed.signalAll();
        }

        public void release() {
            mutex.lock();
            try {
                if (holder != Thread.currentThread()) {
                    throw new IllegalStateException("not the holder");
                }
                handOver();
            } finally {
                mutex.unlock();
            }
        }

        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                if (queue.isEmpty()) {
                    dropRequested = false; // the waiter gave up
                    return;
                }
                handOver(); // the waiter holds it now: this thread cannot take it back first
            } finally {
                mutex.unlock();
            }
            acquire();
        }

        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * The solution's rules with a ticket instead of a switch count: a new object each time the GIL
     * is taken. The dropping holder waits until the ticket has changed (or nobody is left
     * waiting); a waiter asks only if the ticket it saw is still the one after its interval.
     */
    public static final class WaitsUntilSomeoneHolds implements Gil {
        private final long intervalNanos;
        private final ReentrantLock mutex = new ReentrantLock();
        private final Condition freed = mutex.newCondition();
        private final Condition taken = mutex.newCondition();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        private Object ticket = new Object(); // replaced each time the GIL is taken; mutex held
        private int waiting;
        public WaitsUntilSomeoneHolds(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            mutex.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (holder != null) {
                        Object heldBefore = ticket;
                        if (freed.awaitNanos(intervalNanos) <= 0 && holder != null && ticket == heldBefore) {
                            dropRequested = true;
                        }
                    }
                } finally {
                    waiting--;
                    taken.signalAll();
                }
                holder = Thread.currentThread();
                ticket = new Object();
                dropRequested = false;
            } finally {
                mutex.unlock();
            }
        }
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
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            mutex.lock();
            try {
                Object mine = ticket;
                holder = null;
                freed.signal();
                while (ticket == mine && waiting > 0) {
                    taken.awaitUninterruptibly();
                }
            } finally {
                mutex.unlock();
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }

    /**
     * A one-permit Semaphore is the GIL; atomics count the switches and the waiters (the count put
     * right in a finally); a waiter asks when its timed tryAcquire ran out with no switch; the
     * dropping holder parks a little at a time until the switch count moves or nobody waits.
     */
    public static final class SemaphoreGil implements Gil {
        private final long intervalNanos;
        private final Semaphore permit = new Semaphore(1);
        private final AtomicLong switches = new AtomicLong();
        private final AtomicInteger waiting = new AtomicInteger();
        private volatile Thread holder;
        private volatile boolean dropRequested;
        public SemaphoreGil(Duration interval) { this.intervalNanos = interval.toNanos(); }
        public void acquire() throws InterruptedException {
            waiting.incrementAndGet();
            try {
                while (true) {
                    long before = switches.get();
                    if (permit.tryAcquire(intervalNanos, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    if (switches.get() == before) {
                        dropRequested = true;
                    }
                }
            } finally {
                waiting.decrementAndGet();
            }
            holder = Thread.currentThread();
            dropRequested = false;
            switches.incrementAndGet();
        }
        public void release() {
            if (holder != Thread.currentThread()) {
                throw new IllegalStateException(Thread.currentThread().getName() + " does not hold the GIL");
            }
            holder = null;
            permit.release();
        }
        public void checkpoint() throws InterruptedException {
            if (!dropRequested) {
                return;
            }
            long before = switches.get();
            release();
            while (switches.get() == before && waiting.get() > 0) {
                LockSupport.parkNanos(50_000);
            }
            acquire();
        }
        public Thread holder() { return holder; }
        public boolean dropRequested() { return dropRequested; }
    }
}
