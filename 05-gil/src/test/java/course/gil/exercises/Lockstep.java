package course.gil.exercises;

import course.kit.Workers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads that alternate at every shared-memory access of a {@link PausingCopy}: the first
 * makes an access, then the second, then the first again. Two read-add-write updates run this
 * way both read before either writes, every time: the lost update is certain, not lucky.
 *
 * <p>After an access, a thread goes on once the other thread has made an access since, or has
 * finished, or is waiting for something other than its turn (most likely a lock this thread
 * holds: then only this thread can move). If none of that happens while the other thread runs
 * for a quarter of a second of CPU time, it goes on anyway: slower, never wrong. The patience is
 * counted in the other thread's CPU time, not on the clock, so that a busy machine that keeps
 * the other thread off the CPU (or slow to start) does not end it early and let the two threads
 * run one after the other; on the clock it ends after two seconds, whatever happens.
 */
public final class Lockstep {

    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250); // of the other's CPU time
    private static final long WALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final Duration HANG_LIMIT = Duration.ofSeconds(5);

    private static volatile Lockstep current;

    private final AtomicReferenceArray<Thread> players = new AtomicReferenceArray<>(2);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLongArray lastAccess = new AtomicLongArray(2);
    private final AtomicIntegerArray pausing = new AtomicIntegerArray(2);
    private final AtomicIntegerArray finished = new AtomicIntegerArray(2);
    private final CountDownLatch firstHasMoved = new CountDownLatch(1);

    private Lockstep() {
    }

    /** What the two threads returned (or threw), first thread first. */
    record Outcome<T>(T first, T second, Throwable error) {
    }

    /** Runs {@code first}, and once it has made its first access, {@code second}, in lockstep. */
    static <T> Outcome<T> run(Callable<T> first, Callable<T> second) {
        Lockstep lockstep = new Lockstep();
        Object[] results = new Object[2];
        Throwable[] errors = new Throwable[2];
        current = lockstep;
        try (Workers workers = Workers.named("lockstep")) {
            Thread a = workers.start("lockstep-1", () -> lockstep.play(0, first, results, errors));
            awaitQuietly(lockstep.firstHasMoved);
            Thread b = workers.start("lockstep-2", () -> lockstep.play(1, second, results, errors));
            workers.joinAll(List.of(a, b), HANG_LIMIT);
        } finally {
            current = null;
        }
        @SuppressWarnings("unchecked")
        Outcome<T> outcome = new Outcome<>((T) results[0], (T) results[1], errors[0] != null ? errors[0] : errors[1]);
        return outcome;
    }

    /** Called by the copied code after each shared-memory access. */
    public static void pause() {
        Lockstep lockstep = current;
        if (lockstep != null) {
            lockstep.afterAccess();
        }
    }

    /**
     * Called by a player from the test's own code (which makes no pausing accesses): is the other
     * player stuck for a reason of its own (a lock, a condition), not waiting for its turn? Then
     * the other cannot move until this player does something.
     */
    static boolean otherWaitsForSomethingElse() {
        Lockstep lockstep = current;
        if (lockstep == null) {
            return false;
        }
        Thread thread = Thread.currentThread();
        int me = thread == lockstep.players.get(0) ? 0 : thread == lockstep.players.get(1) ? 1 : -1;
        return me >= 0 && lockstep.otherHasMovedOrCannot(1 - me, Long.MAX_VALUE)
                && lockstep.finished.get(1 - me) == 0;
    }

    private void play(int me, Callable<?> task, Object[] results, Throwable[] errors) {
        players.set(me, Thread.currentThread());
        try {
            results[me] = task.call();
        } catch (Throwable e) {
            errors[me] = e;
        } finally {
            finished.set(me, 1);
            if (me == 0) {
                firstHasMoved.countDown();
            }
        }
    }

    private void afterAccess() {
        Thread thread = Thread.currentThread();
        int me = thread == players.get(0) ? 0 : thread == players.get(1) ? 1 : -1;
        if (me < 0) {
            return; // the test's own thread, or a check with one thread: no turns to take
        }
        long mine = clock.incrementAndGet();
        lastAccess.set(me, mine);
        if (me == 0) {
            firstHasMoved.countDown();
        }
        int other = 1 - me;
        long start = System.nanoTime();
        long otherCpuAtStart = -1; // until the other thread has started
        pausing.set(me, 1);
        try {
            while (!otherHasMovedOrCannot(other, mine) && System.nanoTime() - start < WALL_LIMIT_NANOS) {
                long otherCpu = cpuTime(other);
                if (otherCpuAtStart < 0) {
                    otherCpuAtStart = otherCpu;
                } else if (otherCpu - otherCpuAtStart >= PATIENCE_NANOS) {
                    break; // it ran, and made no access: it is busy with something else
                }
                LockSupport.parkNanos(20_000);
            }
        } finally {
            pausing.set(me, 0);
        }
    }

    /** The CPU time a player has used, or -1 if it has not started (or the JVM cannot tell). */
    private long cpuTime(int player) {
        Thread thread = players.get(player);
        return thread == null ? -1 : THREADS.getThreadCpuTime(thread.threadId());
    }

    private boolean otherHasMovedOrCannot(int other, long mine) {
        if (finished.get(other) == 1 || lastAccess.get(other) > mine) {
            return true;
        }
        Thread thread = players.get(other);
        if (thread == null || pausing.get(other) == 1) {
            return false; // not started yet, or waiting for its own turn
        }
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
