package course.gil.exercises;

import course.gil.RefCount;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Answers a learner might give to exercise gil.atomic-count, right and wrong, for
 * {@code RefCountCheckIT}. Public, with public constructors: the model checker's calls reach
 * them from another class loader than the one that copies them for each run.
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

    /** A home-made lock: a volatile flag, checked and then set, so two threads can both take it. */
    public static final class HomeMadeLock implements RefCount {
        private volatile boolean locked;
        private long count = 1;
        public void increment() {
            lock();
            count++;
            locked = false;
        }
        public boolean decrement() {
            lock();
            boolean last = --count == 0;
            locked = false;
            return last;
        }
        public long get() { return count; }
        private void lock() {
            while (locked) {
                Thread.onSpinWait();
            }
            locked = true; // another thread may have passed the loop too
        }
    }

    /** Two locks guarding one count: increments under one, decrements under the other. */
    public static final class TwoLocks implements RefCount {
        private final Object increments = new Object();
        private final Object decrements = new Object();
        private long count = 1;
        public void increment() {
            synchronized (increments) {
                count++;
            }
        }
        public boolean decrement() {
            synchronized (decrements) {
                return --count == 0;
            }
        }
        public long get() { return count; }
    }

    /** A lock on the boxed count, which every change replaces: two threads may lock different boxes. */
    @SuppressWarnings({"identity", "synchronization"}) // locking a value-based box is the point of this wrong answer
    public static final class LockOnTheBox implements RefCount {
        private Long count = 1L;
        public void increment() {
            synchronized (count) {
                count = count + 1;
            }
        }
        public boolean decrement() {
            synchronized (count) {
                count = count - 1;
                return count == 0;
            }
        }
        public long get() { return count; }
    }

    /** The decrement under the lock, the zero test outside it, on a second read. */
    public static final class TestsOutsideTheLock implements RefCount {
        private long count = 1;
        public synchronized void increment() { count++; }
        public boolean decrement() {
            synchronized (this) {
                count--;
            }
            return count == 0; // another thread's decrement may be in this read too
        }
        public synchronized long get() { return count; }
    }

    /** A compare-and-set that gives up after two tries: "someone else's change will do". */
    public static final class CasGivesUp implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() {
            for (int attempt = 0; attempt < 2; attempt++) {
                long seen = count.get();
                if (count.compareAndSet(seen, seen + 1)) {
                    return;
                }
            }
        }
        public boolean decrement() { return count.decrementAndGet() == 0; }
        public long get() { return count.get(); }
    }

    /** A try-lock that skips the change when another thread holds the lock. */
    public static final class TryLockSkips implements RefCount {
        private final ReentrantLock lock = new ReentrantLock();
        private long count = 1;
        public void increment() {
            if (lock.tryLock()) {
                try {
                    count++;
                } finally {
                    lock.unlock();
                }
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
        public long get() { return count; }
    }

    /**
     * A count biased towards its creator, as free-threaded CPython's is, done wrong: the creating
     * thread changes a plain field, others an atomic, and each tests the sum for zero in a second
     * step. When the creator and another thread drop the last two at once, both can see zero.
     */
    public static final class OwnerFastPath implements RefCount {
        private final Thread owner = Thread.currentThread();
        private long local = 1; // the creator's: only it writes this
        private final AtomicLong shared = new AtomicLong();
        public void increment() {
            if (Thread.currentThread() == owner) {
                local++;
            } else {
                shared.incrementAndGet();
            }
        }
        public boolean decrement() {
            if (Thread.currentThread() == owner) {
                local--;
                return local + shared.get() == 0;
            }
            return shared.decrementAndGet() + local == 0;
        }
        public long get() { return local + shared.get(); }
    }

    /**
     * A CAS loop that, after three lost tries, writes what it computed: "it keeps changing under
     * me, just write it". The model checker's few calls never overtake it three times; a busy
     * object's other threads do, and the plain write undoes their changes.
     */
    public static final class CasThenPlainWrite implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { change(+1); }
        public boolean decrement() { return change(-1) == 0; }
        private long change(long by) {
            long seen = count.get();
            for (int tries = 0; tries < 3; tries++) {
                if (count.compareAndSet(seen, seen + by)) {
                    return seen + by;
                }
                seen = count.get();
            }
            count.set(seen + by);
            return seen + by;
        }
        public long get() { return count.get(); }
    }

    /** Increments under the read lock ("only a small change"): read locks are shared, so two increments run together. */
    public static final class ReadLockIncrements implements RefCount {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long count = 1;
        public void increment() {
            lock.readLock().lock();
            try {
                count++;
            } finally {
                lock.readLock().unlock();
            }
        }
        public boolean decrement() {
            lock.writeLock().lock();
            try {
                return --count == 0;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public long get() { return count; }
    }

    /** Increments lock-free on an atomic, decrements under a lock as get() then set(): the lock keeps no increment out. */
    public static final class LockedDecrementAtomicIncrement implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.incrementAndGet(); }
        public synchronized boolean decrement() {
            long left = count.get() - 1;
            count.set(left);
            return left == 0;
        }
        public long get() { return count.get(); }
    }

    /**
     * A CAS loop whose new value comes from a second read, not from the value it compares: when
     * another thread takes a reference between the two reads and drops one before the compare,
     * the compare sees the value it expected and writes a sum one too high (the same value seen
     * twice hides the changes in between). The model checker's few switches never fit a take and
     * a drop between those three steps; {@link RivalProbe}'s rivals, taking at odd steps and
     * dropping at even ones, do.
     */
    public static final class CasFromSecondRead implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { change(+1); }
        public boolean decrement() { return change(-1) == 0; }
        private long change(long by) {
            while (true) {
                long seen = count.get();
                long next = count.get() + by;
                if (count.compareAndSet(seen, next)) {
                    return next;
                }
            }
        }
        public long get() { return count.get(); }
    }

    /**
     * A lock wait that gives up: tryLock for a millisecond, and the change made anyway when it
     * times out ("it is only held for a moment"). The model checker never lets the wait time out;
     * {@link RivalProbe} keeps the creator inside its change while a rival's timed wait runs out,
     * and the rival's unlocked change is lost or loses the creator's.
     */
    public static final class TimedLockGivesUp implements RefCount {
        private final ReentrantLock lock = new ReentrantLock();
        private long count = 1;
        public void increment() { change(+1); }
        public boolean decrement() { return change(-1) == 0; }
        private long change(long by) {
            boolean locked = false;
            try {
                locked = lock.tryLock(1, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                count += by;
                return count;
            } finally {
                if (locked) {
                    lock.unlock();
                }
            }
        }
        public long get() { return count; }
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

    /** A field updater on a volatile long (no extra object per count, as in Netty). */
    public static final class FieldUpdaterCount implements RefCount {
        private static final AtomicLongFieldUpdater<FieldUpdaterCount> COUNT =
                AtomicLongFieldUpdater.newUpdater(FieldUpdaterCount.class, "count");
        private volatile long count = 1;
        public void increment() { COUNT.incrementAndGet(this); }
        public boolean decrement() { return COUNT.decrementAndGet(this) == 0; }
        public long get() { return count; }
    }

    /** An immutable count, swapped in by compareAndSet on an AtomicReference. */
    public static final class ImmutableSwap implements RefCount {
        public record Count(long value) {
        }

        private final AtomicReference<Count> count = new AtomicReference<>(new Count(1));
        public void increment() { count.updateAndGet(seen -> new Count(seen.value() + 1)); }
        public boolean decrement() { return count.updateAndGet(seen -> new Count(seen.value() - 1)).value() == 0; }
        public long get() { return count.get().value(); }
    }

    /** A binary semaphore as the lock. */
    public static final class SemaphoreCount implements RefCount {
        private final Semaphore permit = new Semaphore(1);
        private long count = 1;
        public void increment() {
            permit.acquireUninterruptibly();
            try {
                count++;
            } finally {
                permit.release();
            }
        }
        public boolean decrement() {
            permit.acquireUninterruptibly();
            try {
                return --count == 0;
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

    /** A weak compare-and-set in a loop: it may fail spuriously, and the loop tries again. */
    public static final class WeakCasLoop implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() {
            long seen;
            do {
                seen = count.get();
            } while (!count.weakCompareAndSetVolatile(seen, seen + 1));
        }
        public boolean decrement() {
            long seen;
            do {
                seen = count.get();
            } while (!count.weakCompareAndSetVolatile(seen, seen - 1));
            return seen == 1;
        }
        public long get() { return count.get(); }
    }

    /** getAndDecrement gives the value before: the decrement that saw 1 is the one that took it to 0. */
    public static final class GetAndDecrementWasOne implements RefCount {
        private final AtomicLong count = new AtomicLong(1);
        public void increment() { count.getAndIncrement(); }
        public boolean decrement() { return count.getAndDecrement() == 1; }
        public long get() { return count.get(); }
    }

    /** A StampedLock's write lock around each change, its read lock for get(). */
    public static final class StampedLockCount implements RefCount {
        private final StampedLock lock = new StampedLock();
        private long count = 1;
        public void increment() {
            long stamp = lock.writeLock();
            try {
                count++;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public boolean decrement() {
            long stamp = lock.writeLock();
            try {
                return --count == 0;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public long get() {
            long stamp = lock.readLock();
            try {
                return count;
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /**
     * A home-made spin lock: getAndSet(true) to take it, set(false) to give it back. A rival that
     * spins on it while the creator holds it is waiting, not stuck ({@link RivalProbe} counts its
     * accesses).
     */
    public static final class SpinLockCount implements RefCount {
        private final AtomicBoolean busy = new AtomicBoolean();
        private long count = 1;
        public void increment() {
            lock();
            try {
                count++;
            } finally {
                busy.set(false);
            }
        }
        public boolean decrement() {
            lock();
            try {
                return --count == 0;
            } finally {
                busy.set(false);
            }
        }
        public long get() {
            lock();
            try {
                return count;
            } finally {
                busy.set(false);
            }
        }
        private void lock() {
            while (busy.getAndSet(true)) {
                Thread.onSpinWait();
            }
        }
    }

    /** accumulateAndGet with Long::sum on the one slot of an AtomicLongArray. */
    public static final class AccumulatedSlot implements RefCount {
        private final AtomicLongArray slot = new AtomicLongArray(new long[] {1});
        public void increment() { slot.accumulateAndGet(0, 1, Long::sum); }
        public boolean decrement() { return slot.accumulateAndGet(0, -1, Long::sum) == 0; }
        public long get() { return slot.get(0); }
    }
}
