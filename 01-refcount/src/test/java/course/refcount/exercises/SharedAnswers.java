package course.refcount.exercises;

import course.refcount.RefCounted;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers a learner might give to exercise refcount.threads, right and wrong, for
 * {@code SharedCheckIT}. They are public and use only public types: the model checker's model
 * ({@code SharedCheck.OnOneResource}) creates them by reflection, and may be in another class
 * loader than they are.
 */
public final class SharedAnswers {

    private SharedAnswers() {
    }

    /** Public: the model checker's model may be in another class loader, so it sees only public members. */
    public static IllegalStateException freed(String call) {
        return new IllegalStateException(call + " on a freed resource");
    }

    // ---- wrong ----

    /** The starter: the right rules, on a plain int. */
    public static final class PlainInt implements RefCounted {
        private final Runnable free;
        private int count = 1;
        public PlainInt(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** volatile: every read and write is real, and ++ is still a read and a write. */
    public static final class VolatileInt implements RefCounted {
        private final Runnable free;
        private volatile int count = 1;
        public VolatileInt(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count++;
        }
        public boolean release() {
            if (count == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            count--;
            if (count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** An AtomicInteger used as a box: get(), then set(). */
    public static final class AtomicGetThenSet implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public AtomicGetThenSet(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            int seen = count.get();
            if (seen == 0) {
                throw new IllegalStateException("retain() on a freed resource");
            }
            count.set(seen + 1);
        }
        public boolean release() {
            int seen = count.get();
            if (seen == 0) {
                throw new IllegalStateException("release() on a freed resource");
            }
            count.set(seen - 1);
            if (seen == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** An atomic decrement, then a second read to decide: both releases can see 0. */
    public static final class DecrementThenReadAgain implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public DecrementThenReadAgain(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            int seen;
            do {
                seen = count.get();
                if (seen <= 0) {
                    throw freed("retain()");
                }
            } while (!count.compareAndSet(seen, seen + 1));
        }
        public boolean release() {
            if (count.get() <= 0) {
                throw freed("release()");
            }
            count.decrementAndGet();
            if (count.get() == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A retain that checks, then increments: the last release can free in between. */
    public static final class CheckThenIncrementRetain implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public CheckThenIncrementRetain(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            if (count.get() <= 0) {
                throw freed("retain()");
            }
            count.incrementAndGet();
        }
        public boolean release() {
            int seen;
            do {
                seen = count.get();
                if (seen <= 0) {
                    throw freed("release()");
                }
            } while (!count.compareAndSet(seen, seen - 1));
            if (seen == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A release that checks, then decrements: two "last" releases both pass the check. */
    public static final class CheckThenDecrementRelease implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public CheckThenDecrementRelease(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            count.updateAndGet(c -> {
                if (c <= 0) {
                    throw freed("retain()");
                }
                return c + 1;
            });
        }
        public boolean release() {
            if (count.get() <= 0) {
                throw freed("release()");
            }
            if (count.decrementAndGet() == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Frees whenever its decrement reaches zero or below: the free action can run twice. */
    public static final class FreesAtZeroOrBelow implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        private volatile boolean freedOnce;
        public FreesAtZeroOrBelow(Runnable free) { this.free = free; }
        public int refCnt() { return Math.max(0, count.get()); }
        public void retain() {
            count.updateAndGet(c -> {
                if (c <= 0) {
                    throw freed("retain()");
                }
                return c + 1;
            });
        }
        public boolean release() {
            if (freedOnce && count.get() <= 0) {
                throw freed("release()"); // one thread at a time, this even looks right
            }
            if (count.decrementAndGet() <= 0) {
                freedOnce = true;
                free.run();
                return true;
            }
            return false;
        }
    }

    /** An atomic increment with no check: a freed resource comes back to life. */
    public static final class RetainRevives implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public RetainRevives(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() { count.incrementAndGet(); }
        public boolean release() {
            int left = count.decrementAndGet();
            if (left < 0) {
                count.incrementAndGet();
                throw freed("release()");
            }
            if (left == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** The free action guarded by an atomic flag, the count still a plain int: updates are lost. */
    public static final class AtomicFlagPlainCount implements RefCounted {
        private final Runnable free;
        private final AtomicBoolean freed = new AtomicBoolean();
        private int count = 1;
        public AtomicFlagPlainCount(Runnable free) { this.free = free; }
        public int refCnt() { return freed.get() ? 0 : count; }
        public void retain() {
            if (freed.get()) {
                throw freed("retain()");
            }
            count++;
        }
        public boolean release() {
            if (freed.get()) {
                throw freed("release()");
            }
            if (--count == 0 && freed.compareAndSet(false, true)) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** release() synchronized, retain() not: a lock only one side takes keeps nobody out. */
    public static final class SynchronizedReleaseOnly implements RefCounted {
        private final Runnable free;
        private int count = 1;
        public SynchronizedReleaseOnly(Runnable free) { this.free = free; }
        public synchronized int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw freed("retain()");
            }
            count++;
        }
        public synchronized boolean release() {
            if (count == 0) {
                throw freed("release()");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A home-made lock: a volatile flag, checked and then set, so two threads can both take it. */
    public static final class HomeMadeLock implements RefCounted {
        private final Runnable free;
        private volatile boolean locked;
        private int count = 1;
        public HomeMadeLock(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            lock();
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                locked = false;
            }
        }
        public boolean release() {
            lock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count > 0) {
                    return false;
                }
            } finally {
                locked = false;
            }
            free.run();
            return true;
        }
        private void lock() {
            while (locked) {
                Thread.onSpinWait();
            }
            locked = true; // another thread may have passed the loop too
        }
    }

    /** Two locks guarding one count: retains under one, releases under the other. */
    public static final class TwoLocks implements RefCounted {
        private final Runnable free;
        private final Object retainLock = new Object();
        private final Object releaseLock = new Object();
        private int count = 1;
        public TwoLocks(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            synchronized (retainLock) {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            }
        }
        public boolean release() {
            synchronized (releaseLock) {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count > 0) {
                    return false;
                }
            }
            free.run();
            return true;
        }
    }

    /** A lock on the count itself, an Integer that every change replaces: each thread may lock a different one. */
    @SuppressWarnings({"identity", "synchronization"}) // locking a value-based box is the point of this wrong answer
    public static final class LockOnTheCount implements RefCounted {
        private final Runnable free;
        private Integer count = 1;
        public LockOnTheCount(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            synchronized (count) {
                if (count == 0) {
                    throw freed("retain()");
                }
                count = count + 1;
            }
        }
        public boolean release() {
            synchronized (count) {
                if (count == 0) {
                    throw freed("release()");
                }
                count = count - 1;
                if (count > 0) {
                    return false;
                }
            }
            free.run();
            return true;
        }
    }

    /** The decrement under the lock, the decision to free outside it, on a second read of the count. */
    public static final class DecidesOutsideTheLock implements RefCounted {
        private final Runnable free;
        private int count = 1;
        public DecidesOutsideTheLock(Runnable free) { this.free = free; }
        public synchronized int refCnt() { return count; }
        public synchronized void retain() {
            if (count == 0) {
                throw freed("retain()");
            }
            count++;
        }
        public boolean release() {
            synchronized (this) {
                if (count == 0) {
                    throw freed("release()");
                }
                count--;
            }
            if (count == 0) { // read outside the lock: another release may have made it 0 too
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A retain that checks for a freed resource outside the lock that guards the count. */
    public static final class ChecksOutsideTheLock implements RefCounted {
        private final Runnable free;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile int count = 1;
        public ChecksOutsideTheLock(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (count == 0) {
                throw freed("retain()");
            }
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }
        public boolean release() {
            lock.lock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count > 0) {
                    return false;
                }
            } finally {
                lock.unlock();
            }
            free.run();
            return true;
        }
    }

    /** A compare-and-set that gives up after a few tries, as if a busy count were an error. */
    public static final class CasGivesUp implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public CasGivesUp(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            for (int attempt = 0; attempt < 2; attempt++) {
                int seen = count.get();
                if (seen == 0) {
                    throw freed("retain()");
                }
                if (count.compareAndSet(seen, seen + 1)) {
                    return;
                }
            }
            // "someone else is changing it: their change will do" (it will not)
        }
        public boolean release() {
            while (true) {
                int seen = count.get();
                if (seen == 0) {
                    throw freed("release()");
                }
                if (count.compareAndSet(seen, seen - 1)) {
                    if (seen == 1) {
                        free.run();
                    }
                    return seen == 1;
                }
            }
        }
    }

    /** A try-lock that gives up: a busy resource refuses the call as if it were freed. */
    public static final class TryLockGivesUp implements RefCounted {
        private final Runnable free;
        private final ReentrantLock lock = new ReentrantLock();
        private int count = 1;
        public TryLockGivesUp(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            if (!lock.tryLock()) {
                throw new IllegalStateException("retain(): resource busy");
            }
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                lock.unlock();
            }
        }
        public boolean release() {
            lock.lock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count > 0) {
                    return false;
                }
            } finally {
                lock.unlock();
            }
            free.run();
            return true;
        }
    }

    /** An atomic decrement, then a lazy set back to 0 when it went below: the undo races with a retain. */
    public static final class AtomicStepsWithPlainUndo implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public AtomicStepsWithPlainUndo(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            if (count.getAndIncrement() <= 0) {
                count.lazySet(0); // "put it back": but another thread's change since then is wiped out
                throw freed("retain()");
            }
        }
        public boolean release() {
            int now = count.decrementAndGet();
            if (now < 0) {
                count.lazySet(0);
                throw freed("release()");
            }
            if (now == 0) {
                free.run();
            }
            return now == 0;
        }
    }

    /**
     * A lock-free fast path while at least two other owners are left (the count above 2), a lock
     * for the rest: three releases at 3 all see 3, all take the fast path, and the count reaches 0
     * with nobody freeing. Two threads never show it: two releases at 3 leave one owner.
     */
    public static final class FastPathAboveTwo implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public FastPathAboveTwo(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public synchronized void retain() {
            if (count.get() == 0) {
                throw freed("retain()");
            }
            count.incrementAndGet();
        }
        public boolean release() {
            if (count.get() > 2) { // two owners besides me: surely not the last
                count.decrementAndGet();
                return false;
            }
            synchronized (this) {
                if (count.get() == 0) {
                    throw freed("release()");
                }
                if (count.decrementAndGet() == 0) {
                    free.run();
                    return true;
                }
                return false;
            }
        }
    }

    /**
     * A lock-free retain while "another owner surely keeps it alive" (the count above 1), a lock
     * otherwise: between that look and the increment the other owners can release, the last one
     * freeing, and the retain revives the freed resource.
     */
    public static final class RetainFastPathAboveOne implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public RetainFastPathAboveOne(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            if (count.get() > 1) { // another owner keeps it alive: no need to lock
                count.incrementAndGet();
                return;
            }
            synchronized (this) {
                if (count.get() == 0) {
                    throw freed("retain()");
                }
                count.incrementAndGet();
            }
        }
        public synchronized boolean release() {
            if (count.get() == 0) {
                throw freed("release()");
            }
            if (count.decrementAndGet() == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    // ---- right ----

    /** updateAndGet and getAndUpdate: the check runs inside the atomic step (and is retried with it). */
    public static final class UpdateFunctions implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public UpdateFunctions(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            count.updateAndGet(c -> {
                if (c == 0) {
                    throw freed("retain()");
                }
                return c + 1;
            });
        }
        public boolean release() {
            int before = count.getAndUpdate(c -> {
                if (c == 0) {
                    throw freed("release()");
                }
                return c - 1;
            });
            if (before == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** release() by decrementAndGet, rolled back when it went below zero; retain() by a CAS loop. */
    public static final class GetAndAddWithRollback implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public GetAndAddWithRollback(Runnable free) { this.free = free; }
        public int refCnt() { return Math.max(0, count.get()); }
        public void retain() {
            while (true) {
                int seen = count.get();
                if (seen <= 0) {
                    throw freed("retain()");
                }
                if (count.compareAndSet(seen, seen + 1)) {
                    return;
                }
            }
        }
        public boolean release() {
            int before = count.getAndAdd(-1);
            if (before <= 0) {
                count.getAndAdd(1); // undo: the resource was already freed
                throw freed("release()");
            }
            if (before == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A plain int behind one monitor: every read and write of the count inside it. */
    public static final class SynchronizedMethods implements RefCounted {
        private final Runnable free;
        private int count = 1;
        public SynchronizedMethods(Runnable free) { this.free = free; }
        public synchronized int refCnt() { return count; }
        public synchronized void retain() {
            if (count == 0) {
                throw freed("retain()");
            }
            count++;
        }
        public synchronized boolean release() {
            if (count == 0) {
                throw freed("release()");
            }
            if (--count == 0) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A ReentrantLock around the check and the change. */
    public static final class LockedCount implements RefCounted {
        private final Runnable free;
        private final ReentrantLock lock = new ReentrantLock();
        private int count = 1;
        public LockedCount(Runnable free) { this.free = free; }
        public int refCnt() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
        public void retain() {
            lock.lock();
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                lock.unlock();
            }
        }
        public boolean release() {
            boolean last;
            lock.lock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                last = --count == 0;
            } finally {
                lock.unlock();
            }
            if (last) {
                free.run(); // outside the lock: only this thread saw the count reach 0
            }
            return last;
        }
    }

    /** A semaphore of one permit as the lock: nobody can see who holds it, and it is still right. */
    public static final class SemaphoreCount implements RefCounted {
        private final Runnable free;
        private final Semaphore permit = new Semaphore(1);
        private int count = 1;
        public SemaphoreCount(Runnable free) { this.free = free; }
        public int refCnt() {
            permit.acquireUninterruptibly();
            try {
                return count;
            } finally {
                permit.release();
            }
        }
        public void retain() {
            permit.acquireUninterruptibly();
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                permit.release();
            }
        }
        public boolean release() {
            permit.acquireUninterruptibly();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count == 0) {
                    free.run();
                    return true;
                }
                return false;
            } finally {
                permit.release();
            }
        }
    }

    /** A VarHandle on a volatile int field: compare-and-set without an AtomicInteger object per resource. */
    public static final class VarHandleCas implements RefCounted {
        private static final VarHandle COUNT;
        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(VarHandleCas.class, "count", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        private final Runnable free;
        private volatile int count = 1;
        public VarHandleCas(Runnable free) { this.free = free; }
        public int refCnt() { return count; }
        public void retain() {
            int seen;
            do {
                seen = (int) COUNT.getVolatile(this);
                if (seen == 0) {
                    throw freed("retain()");
                }
            } while (!COUNT.compareAndSet(this, seen, seen + 1));
        }
        public boolean release() {
            int seen;
            do {
                seen = (int) COUNT.getVolatile(this);
                if (seen == 0) {
                    throw freed("release()");
                }
            } while (!COUNT.compareAndSet(this, seen, seen - 1));
            if (seen == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** Netty's way: an AtomicIntegerFieldUpdater on a volatile int field, and a CAS loop. */
    public static final class FieldUpdaterCas implements RefCounted {
        private static final AtomicIntegerFieldUpdater<FieldUpdaterCas> REF_CNT =
                AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterCas.class, "refCnt");
        private final Runnable free;
        private volatile int refCnt = 1;
        public FieldUpdaterCas(Runnable free) { this.free = free; }
        public int refCnt() { return REF_CNT.get(this); }
        public void retain() {
            for (;;) {
                int seen = REF_CNT.get(this);
                if (seen == 0) {
                    throw freed("retain()");
                }
                if (REF_CNT.compareAndSet(this, seen, seen + 1)) {
                    return;
                }
            }
        }
        public boolean release() {
            for (;;) {
                int seen = REF_CNT.get(this);
                if (seen == 0) {
                    throw freed("release()");
                }
                if (REF_CNT.compareAndSet(this, seen, seen - 1)) {
                    if (seen == 1) {
                        free.run();
                    }
                    return seen == 1;
                }
            }
        }
    }

    /** An immutable state, swapped in with compareAndSet on an AtomicReference. */
    public static final class ImmutableStateSwap implements RefCounted {
        public record State(int count) {
        }

        private final Runnable free;
        private final AtomicReference<State> state = new AtomicReference<>(new State(1));
        public ImmutableStateSwap(Runnable free) { this.free = free; }
        public int refCnt() { return state.get().count(); }
        public void retain() {
            State seen;
            do {
                seen = state.get();
                if (seen.count() == 0) {
                    throw freed("retain()");
                }
            } while (!state.compareAndSet(seen, new State(seen.count() + 1)));
        }
        public boolean release() {
            State seen;
            do {
                seen = state.get();
                if (seen.count() == 0) {
                    throw freed("release()");
                }
            } while (!state.compareAndSet(seen, new State(seen.count() - 1)));
            if (seen.count() == 1) {
                free.run();
                return true;
            }
            return false;
        }
    }

    /** A spin lock that is right: an AtomicBoolean taken with compareAndSet. */
    public static final class SpinLockCount implements RefCounted {
        private final Runnable free;
        private final AtomicBoolean locked = new AtomicBoolean();
        private int count = 1;
        public SpinLockCount(Runnable free) { this.free = free; }
        public int refCnt() {
            lock();
            try {
                return count;
            } finally {
                locked.set(false);
            }
        }
        public void retain() {
            lock();
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                locked.set(false);
            }
        }
        public boolean release() {
            lock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                if (--count > 0) {
                    return false;
                }
            } finally {
                locked.set(false);
            }
            free.run();
            return true;
        }
        private void lock() {
            while (!locked.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
        }
    }

    /** A weak compare-and-set in a loop (it may fail spuriously: the loop tries again). */
    public static final class WeakCasLoop implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public WeakCasLoop(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            int seen;
            do {
                seen = count.get();
                if (seen == 0) {
                    throw freed("retain()");
                }
            } while (!count.weakCompareAndSetVolatile(seen, seen + 1));
        }
        public boolean release() {
            int seen;
            do {
                seen = count.get();
                if (seen == 0) {
                    throw freed("release()");
                }
            } while (!count.weakCompareAndSetVolatile(seen, seen - 1));
            if (seen == 1) {
                free.run();
            }
            return seen == 1;
        }
    }

    /** A StampedLock's write lock around each check and change, the decision taken inside it, the free run after. */
    public static final class StampedWriteLock implements RefCounted {
        private final Runnable free;
        private final java.util.concurrent.locks.StampedLock lock = new java.util.concurrent.locks.StampedLock();
        private int count = 1;
        public StampedWriteLock(Runnable free) { this.free = free; }
        public int refCnt() {
            long stamp = lock.readLock();
            try {
                return count;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        public void retain() {
            long stamp = lock.writeLock();
            try {
                if (count == 0) {
                    throw freed("retain()");
                }
                count++;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public boolean release() {
            boolean last;
            long stamp = lock.writeLock();
            try {
                if (count == 0) {
                    throw freed("release()");
                }
                last = --count == 0; // decided by this call's own change, under the lock
            } finally {
                lock.unlockWrite(stamp);
            }
            if (last) {
                free.run(); // outside the lock: only this call took the count to 0
            }
            return last;
        }
    }

    /** compareAndExchange in a loop: the witness it returns is the next value to try from. */
    public static final class CompareAndExchangeLoop implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        public CompareAndExchangeLoop(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            int seen = count.get();
            while (true) {
                if (seen == 0) {
                    throw freed("retain()");
                }
                int witness = count.compareAndExchange(seen, seen + 1);
                if (witness == seen) {
                    return;
                }
                seen = witness;
            }
        }
        public boolean release() {
            int seen = count.get();
            while (true) {
                if (seen == 0) {
                    throw freed("release()");
                }
                int witness = count.compareAndExchange(seen, seen - 1);
                if (witness == seen) {
                    if (seen == 1) {
                        free.run();
                        return true;
                    }
                    return false;
                }
                seen = witness;
            }
        }
    }

    /** Retains share a read lock (none of them can take the count to 0; the atomic increment keeps them apart), releases take the write lock. */
    public static final class ReadLockedRetains implements RefCounted {
        private final Runnable free;
        private final AtomicInteger count = new AtomicInteger(1);
        private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
                new java.util.concurrent.locks.ReentrantReadWriteLock();
        public ReadLockedRetains(Runnable free) { this.free = free; }
        public int refCnt() { return count.get(); }
        public void retain() {
            lock.readLock().lock();
            try {
                if (count.get() == 0) {
                    throw freed("retain()");
                }
                count.incrementAndGet();
            } finally {
                lock.readLock().unlock();
            }
        }
        public boolean release() {
            boolean last;
            lock.writeLock().lock();
            try {
                if (count.get() == 0) {
                    throw freed("release()");
                }
                last = count.decrementAndGet() == 0;
            } finally {
                lock.writeLock().unlock();
            }
            if (last) {
                free.run();
            }
            return last;
        }
    }
}
