package course.gil.exercises;

import course.gil.RefCount;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers a learner might give to exercise gil.atomic-count, right and wrong, for
 * {@code RefCountCheckIT}. Public, with public constructors, because the check runs them as
 * {@link PausingCopy} classes, which live in a class loader of their own.
 */
public final class RefCountAnswers {

    private RefCountAnswers() {
    }

    // ---- wrong ----

    /** The starter: a plain field, as in the GIL build. */
    public static final class PlainCount implements RefCount {
        private long count = 1;
        public void increment() { count++; }
        public boolean decrement() { count--; return count == 0; }
        public long get() { return count; }
    }

    /** volatile: every read and write is seen by all threads, but ++ and -- are still three steps. */
    public static final class VolatileCount implements RefCount {
        private volatile long count = 1;
        public void increment() { count++; }
        public boolean decrement() { return --count == 0; }
        public long get() { return count; }
    }

    /** An AtomicLong used as a box: get(), then set(). */
    public static final class AtomicGetThenSet implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.set(count.get() + 1); }
        public boolean decrement() { count.set(count.get() - 1); return count.get() == 0; }
        public long get() { return count.get(); }
    }

    /** Atomic decrement, then a second read for the zero test: both threads may read 0. */
    public static final class DecrementThenRead implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.incrementAndGet(); }
        public boolean decrement() {
            count.decrementAndGet();
            return count.get() == 0;
        }
        public long get() { return count.get(); }
    }

    /** A LongAdder: fast to add to, but sum() is a separate read, not part of the add. */
    public static final class LongAdderCount implements RefCount {
        private final LongAdder count = new LongAdder();
        public LongAdderCount() { count.increment(); }
        public void increment() { count.increment(); }
        public boolean decrement() {
            count.decrement();
            return count.sum() == 0;
        }
        public long get() { return count.sum(); }
    }

    /** Increments locked, decrements not: "only increments race". */
    public static final class LockedIncrementOnly implements RefCount {
        private long count = 1;
        public synchronized void increment() { count++; }
        public boolean decrement() { return --count == 0; }
        public synchronized long get() { return count; }
    }

    /** Check, then act: "if I am the last one, set it to zero myself". */
    public static final class LastOneChecksFirst implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.incrementAndGet(); }
        public boolean decrement() {
            if (count.get() == 1) {
                count.set(0);
                return true;
            }
            count.decrementAndGet();
            return false;
        }
        public long get() { return count.get(); }
    }

    // ---- right ----

    public static final class AtomicLongCount implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.incrementAndGet(); }
        public boolean decrement() { return count.decrementAndGet() == 0; }
        public long get() { return count.get(); }
    }

    public static final class CasLoopCount implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.getAndIncrement(); }
        public boolean decrement() {
            long seen;
            do {
                seen = count.get();
            } while (!count.compareAndSet(seen, seen - 1));
            return seen == 1;
        }
        public long get() { return count.get(); }
    }

    public static final class VarHandleCount implements RefCount {
        private static final VarHandle COUNT;
        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(VarHandleCount.class, "count", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        private volatile long count = 1;
        public void increment() { COUNT.getAndAdd(this, 1L); }
        public boolean decrement() { return (long) COUNT.getAndAdd(this, -1L) == 1; }
        public long get() { return count; }
    }

    public static final class SynchronizedCount implements RefCount {
        private long count = 1;
        public synchronized void increment() { count++; }
        public synchronized boolean decrement() { return --count == 0; }
        public synchronized long get() { return count; }
    }

    public static final class ReentrantLockCount implements RefCount {
        private final ReentrantLock lock = new ReentrantLock();
        private long count = 1;
        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }
        public boolean decrement() {
            lock.lock();
            try {
                return --count == 0;
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
}
