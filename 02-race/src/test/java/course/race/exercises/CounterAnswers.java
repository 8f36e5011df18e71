package course.race.exercises;

import course.race.Counter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers a learner might give to exercise race.counter, right and wrong, for
 * {@code CounterCheckIT}. Each is a plausible attempt, not a straw man.
 */
final class CounterAnswers {

    private CounterAnswers() {
    }

    // ---- wrong ----

    /** The starter: count++ on a plain field. */
    static final class PlainIncrement implements Counter {
        private long count;
        public void increment() { count++; }
        public long get() { return count; }
    }

    /** volatile makes reads and writes visible, not count++ atomic. */
    static final class VolatileIncrement implements Counter {
        private volatile long count;
        public void increment() { count++; }
        public long get() { return count; }
    }

    /** An atomic used as a plain box: get(), then set(get() + 1) is still read, add, write. */
    static final class AtomicGetThenSet implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() { count.set(count.get() + 1); }
        public long get() { return count.get(); }
    }

    /** A new lock object per call: nobody else ever waits for it. */
    static final class SynchronizedOnNewObject implements Counter {
        private long count;
        public void increment() {
            synchronized (new Object()) {
                count++;
            }
        }
        public long get() { return count; }
    }

    /** Locking the boxed count: every increment makes a new Long, so every call locks a different object. */
    @SuppressWarnings({"synchronization", "identity"}) // javac rightly warns: this is the wrong answer
    static final class SynchronizedOnBoxedCount implements Counter {
        private Long count = 0L;
        public void increment() {
            synchronized (count) {
                count++;
            }
        }
        public long get() { return count; }
    }

    /** The write is locked, the read is not: nothing makes the increments visible to a reader. */
    static final class LockedWriteUnlockedRead implements Counter {
        private long count;
        public synchronized void increment() { count++; }
        public long get() { return count; }
    }

    /** Atomic write, plain read of a mirror field: the read sees nothing new. */
    static final class AtomicWritePlainMirror implements Counter {
        private final AtomicLong count = new AtomicLong();
        private long mirror;
        public void increment() { mirror = count.incrementAndGet(); }
        public long get() { return mirror; }
    }

    /** lazySet of get() + 1: the cheaper write does not make the read-add-write atomic. */
    static final class AtomicLazySet implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() { count.lazySet(count.get() + 1); }
        public long get() { return count.get(); }
    }

    /** A home-made lock on a volatile flag: both threads can see it free before either sets it. */
    static final class VolatileFlagLock implements Counter {
        private volatile boolean busy;
        private volatile long count;
        public void increment() {
            while (busy) {
                Thread.onSpinWait();
            }
            busy = true;
            count++;
            busy = false;
        }
        public long get() { return count; }
    }

    /** The lock object is replaced inside the lock: the next caller locks another object. */
    static final class LockReplacedInside implements Counter {
        private Object lock = new Object();
        private volatile long count;
        public void increment() {
            synchronized (lock) {
                lock = new Object();
                count++;
            }
        }
        public long get() { return count; }
    }

    /** One lock for even counts, another for odd ones, chosen by a read outside both. */
    static final class LockChosenByCount implements Counter {
        private final Object evenLock = new Object();
        private final Object oddLock = new Object();
        private volatile long count;
        public void increment() {
            synchronized (count % 2 == 0 ? evenLock : oddLock) {
                count++;
            }
        }
        public long get() { return count; }
    }

    /** One compareAndSet, no retry: a lost race loses the increment. */
    static final class CasWithoutRetry implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() {
            long seen = count.get();
            count.compareAndSet(seen, seen + 1);
        }
        public long get() { return count.get(); }
    }

    /**
     * A spin lock that gives up after 1000 spins ("the holder must be gone") and counts anyway.
     * The model checker never lets a spin run out; a holder preempted for a few microseconds
     * does: the second thread counts beside it, and one write undoes the other.
     */
    static final class SpinGivesUp implements Counter {
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile long count;
        public void increment() {
            for (int spins = 0; spins < 1000 && !busy.compareAndSet(false, true); spins++) {
                Thread.onSpinWait();
            }
            count++;
            busy.set(false);
        }
        public long get() { return count; }
    }

    /** tryLock with a timeout: when a holder stalls for longer than a millisecond, the increment is dropped. */
    static final class TimedTryLockDrops implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile long count;
        public void increment() {
            try {
                if (lock.tryLock(1, TimeUnit.MILLISECONDS)) {
                    try {
                        count++;
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        public long get() { return count; }
    }

    /** "Any synchronized block flushes memory": a fresh monitor in get(), which the JIT removes, read and all. */
    static final class FreshMonitorInGet implements Counter {
        private long count;
        public synchronized void increment() { count++; }
        public long get() {
            synchronized (new Object()) {
                return count;
            }
        }
    }

    /** An immutable holder swapped under a lock, read through a plain field: final fields do not make the swap visible. */
    static final class ImmutableHolderPlainField implements Counter {
        record Count(long value) { }
        private Count count = new Count(0);
        public synchronized void increment() { count = new Count(count.value() + 1); }
        public long get() { return count.value(); }
    }

    /** The atomic is right, the read is not: getPlain() is an ordinary read the JIT may hoist out of a loop. */
    static final class AtomicGetPlain implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() { count.incrementAndGet(); }
        public long get() { return count.getPlain(); }
    }

    /** Lock striping by thread: threads whose ids differ take different locks. */
    static final class LockPerThreadStripe implements Counter {
        private final Object[] locks = {new Object(), new Object(), new Object(), new Object()};
        private volatile long count;
        public void increment() {
            synchronized (locks[(int) (Thread.currentThread().threadId() % locks.length)]) {
                count++;
            }
        }
        public long get() { return count; }
    }

    /** Each thread has "its own" cell (thread id mod 8), so a plain read-add-write of it "cannot race".
     * Broken: threads whose ids are equal mod 8 (thread 1 and thread 9) share a cell and lose updates. */
    static final class CellPerThreadIdPlainAdd implements Counter {
        private final AtomicLongArray cells = new AtomicLongArray(8);
        @Override public void increment() {
            int i = (int) (Thread.currentThread().threadId() & 7);
            cells.set(i, cells.get(i) + 1);
        }
        @Override public long get() {
            long sum = 0;
            for (int i = 0; i < 8; i++) sum += cells.get(i);
            return sum;
        }
    }

    /** Counts under a lock, publishes the new count to a volatile mirror after the unlock. Broken: two
     * threads publish in the other order (the one that counted 1 writes after the one that counted 2),
     * and the mirror goes back to 1. */
    static final class MirrorPublishedAfterUnlock implements Counter {
        private final Object lock = new Object();
        private long count;
        private volatile long published;
        @Override public void increment() {
            long now;
            synchronized (lock) { now = ++count; }
            published = now;
        }
        @Override public long get() {
            return published;
        }
    }

    /** Each thread counts in a batch of its own and adds it to the shared atomic every 10 increments
     * ("fewer CASes"). Broken: get() misses every increment still in a batch, a thread's own ones too. */
    static final class BatchPerThread implements Counter {
        private final AtomicLong shared = new AtomicLong();
        private final ThreadLocal<long[]> batch = ThreadLocal.withInitial(() -> new long[1]);
        @Override public void increment() {
            long[] b = batch.get();
            if (++b[0] == 10) { shared.addAndGet(10); b[0] = 0; }
        }
        @Override public long get() {
            return shared.get();
        }
    }

    /** Takes the ReentrantLock if it is free, else "falls back" to the monitor. Broken: two locks for
     * one count; one thread holds the ReentrantLock, the other the monitor, both count++ at once. */
    static final class TryLockElseMonitor implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;
        @Override public void increment() {
            if (lock.tryLock()) {
                try { count++; } finally { lock.unlock(); }
            } else {
                synchronized (this) { count++; }
            }
        }
        @Override public long get() {
            lock.lock();
            try { return count; } finally { lock.unlock(); }
        }
    }

    // ---- right ----

    /** An immutable value swapped atomically. */
    static final class ImmutableSwap implements Counter {
        private final java.util.concurrent.atomic.AtomicReference<Long> count =
                new java.util.concurrent.atomic.AtomicReference<>(0L);
        public void increment() { count.updateAndGet(value -> value + 1); }
        public long get() { return count.get(); }
    }

    /** A semaphore with one permit as the lock. */
    static final class SemaphoreCount implements Counter {
        private final java.util.concurrent.Semaphore permit = new java.util.concurrent.Semaphore(1);
        private long count;
        public void increment() {
            permit.acquireUninterruptibly();
            try {
                count++;
            } finally {
                permit.release();
            }
        }
        public long get() {
            permit.acquireUninterruptibly();
            try {
                return count;
            } finally {
                permit.release();
            }
        }
    }

    /** A spin lock on an AtomicBoolean: correct, if wasteful. */
    static final class AtomicSpinLock implements Counter {
        private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile long count;
        public void increment() {
            while (!busy.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            try {
                count++;
            } finally {
                busy.set(false);
            }
        }
        public long get() { return count; }
    }

    static final class SynchronizedMethods implements Counter {
        private long count;
        public synchronized void increment() { count++; }
        public synchronized long get() { return count; }
    }

    static final class AtomicLongIncrement implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() { count.incrementAndGet(); }
        public long get() { return count.get(); }
    }

    static final class LongAdderCount implements Counter {
        private final LongAdder count = new LongAdder();
        public void increment() { count.increment(); }
        public long get() { return count.sum(); }
    }

    static final class ReentrantLockCount implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;
        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }
        public long get() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    static final class CasLoop implements Counter {
        private final AtomicLong count = new AtomicLong();
        public void increment() {
            long seen;
            do {
                seen = count.get();
            } while (!count.compareAndSet(seen, seen + 1));
        }
        public long get() { return count.get(); }
    }

    /** Locked writes and a volatile read: a known, correct pattern for read-mostly counters. */
    static final class VolatileReadSynchronizedWrite implements Counter {
        private volatile long count;
        public synchronized void increment() { count++; }
        public long get() { return count; }
    }

    static final class VarHandleGetAndAdd implements Counter {
        private static final VarHandle COUNT;
        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(VarHandleGetAndAdd.class, "count", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        private volatile long count;
        public void increment() { COUNT.getAndAdd(this, 1L); }
        public long get() { return count; }
    }

    static final class SynchronizedOnPrivateLock implements Counter {
        private final Object lock = new Object();
        private long count;
        public void increment() {
            synchronized (lock) {
                count++;
            }
        }
        public long get() {
            synchronized (lock) {
                return count;
            }
        }
    }

    /** Piggybacking: a plain count written before a volatile version, read after reading it. */
    static final class VolatileVersionPiggyback implements Counter {
        private long count;
        private volatile long version;
        public synchronized void increment() {
            count++;
            version++; // the volatile write publishes the count written before it
        }
        public long get() {
            if (version < 0) { // the volatile read first: whoever reads it sees the writes made before it
                throw new IllegalStateException("a version never goes below 0");
            }
            return count;
        }
    }

    /** A field updater's getAndIncrement on a volatile field. */
    static final class FieldUpdaterIncrement implements Counter {
        private static final AtomicLongFieldUpdater<FieldUpdaterIncrement> COUNT =
                AtomicLongFieldUpdater.newUpdater(FieldUpdaterIncrement.class, "count");
        private volatile long count;
        public void increment() { COUNT.getAndIncrement(this); }
        public long get() { return count; }
    }

    /** Right: a home-made LongAdder; cells chosen by thread, each incremented atomically; get() sums. */
    static final class AtomicCellPerThreadId implements Counter {
        private final AtomicLongArray cells = new AtomicLongArray(8);
        @Override public void increment() {
            cells.incrementAndGet((int) (Thread.currentThread().threadId() & 7));
        }
        @Override public long get() {
            long sum = 0;
            for (int i = 0; i < 8; i++) sum += cells.get(i);
            return sum;
        }
    }

    /** Right: a home-made lock from a monitor, waited for in a while loop, all woken on release. */
    static final class MonitorMutex implements Counter {
        private boolean busy;
        private long count;
        @Override public void increment() {
            acquire();
            try { count++; } finally { release(); }
        }
        @Override public synchronized long get() {
            return count;
        }
        private synchronized void acquire() {
            boolean interrupted = false;
            while (busy) {
                try { wait(); } catch (InterruptedException e) { interrupted = true; }
            }
            busy = true;
            if (interrupted) Thread.currentThread().interrupt();
        }
        private synchronized void release() {
            busy = false;
            notifyAll();
        }
    }
}
