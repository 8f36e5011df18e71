package course.refcount.exercises;

import course.kit.Workers;
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
 * Two threads that take turns at every access to shared memory made by an {@link Instrumented}
 * class: the first thread makes one access, then the second makes one, then the first, and so
 * on. That is the interleaving that breaks every count that is not changed in one atomic step:
 * both threads read before either writes, both decrement before either reads again. It happens
 * on every run, or it cannot happen at all.
 *
 * <p>After each access a thread waits until the other thread has made an access of its own, or
 * cannot make one: it has finished, or it waits for something (a lock this thread holds, most
 * likely). Code that keeps the threads apart with a lock is therefore run one thread after the
 * other, as the lock says. If neither happens within a quarter of a second (a lock whose owner
 * no one can see, or a very busy machine), the access goes ahead anyway: slower, never wrong.
 */
public final class Turns {

    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long START_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final Duration HANG_LIMIT = Duration.ofSeconds(6);

    private static volatile Turns current;

    /** What one thread's task did: returned a value, or threw. */
    record Result(Object value, Throwable error) {

        boolean threw(Class<? extends Throwable> type) {
            return type.isInstance(error);
        }
    }

    private final AtomicReferenceArray<Thread> players = new AtomicReferenceArray<>(2);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLongArray lastAccess = new AtomicLongArray(2);
    private final AtomicIntegerArray holding = new AtomicIntegerArray(2);
    private final AtomicIntegerArray finished = new AtomicIntegerArray(2);
    private final CountDownLatch firstHasMoved = new CountDownLatch(1);
    private final CountDownLatch bothFinished = new CountDownLatch(2);

    private Turns() {
    }

    /** Called by instrumented code after each access to shared memory. */
    public static void step() {
        Turns turns = current;
        if (turns != null) {
            turns.afterAccess(Thread.currentThread());
        }
    }

    /**
     * Runs {@code first} on one thread and, once it has made its first access, {@code second} on
     * another; the two then take turns. Returns what each did, in that order.
     */
    static List<Result> inTurns(String firstName, Callable<?> first, String secondName, Callable<?> second) {
        Turns turns = new Turns();
        Result[] results = new Result[2];
        current = turns;
        try (Workers workers = Workers.named("turns")) {
            Thread a = workers.start(firstName, () -> results[0] = turns.play(0, first));
            awaitQuietly(turns.firstHasMoved);
            Thread b = workers.start(secondName, () -> results[1] = turns.play(1, second));
            if (awaitQuietly(turns.bothFinished)) {
                // Both tasks are done. Thread.join(Duration) may return while isAlive() is still true
                // for a thread that is just ending, and Workers.joinAll would call that stuck; join(long)
                // waits for isAlive() itself.
                joinQuietly(a);
                joinQuietly(b);
            }
            workers.joinAll(List.of(a, b), HANG_LIMIT);
        } finally {
            current = null;
        }
        return List.of(results); // joinAll makes the threads' writes visible here
    }

    private Result play(int me, Callable<?> task) {
        players.set(me, Thread.currentThread());
        try {
            return new Result(task.call(), null);
        } catch (Throwable e) {
            return new Result(null, e);
        } finally {
            finished.set(me, 1);
            bothFinished.countDown();
            if (me == 0) {
                firstHasMoved.countDown();
            }
        }
    }

    private void afterAccess(Thread thread) {
        int me = thread == players.get(0) ? 0 : thread == players.get(1) ? 1 : -1;
        if (me < 0) {
            return; // not one of the two players: the test itself, or a one-thread check
        }
        long mine = clock.incrementAndGet();
        lastAccess.set(me, mine);
        if (me == 0) {
            firstHasMoved.countDown();
        }
        int other = 1 - me;
        long start = System.nanoTime();
        holding.set(me, 1);
        try {
            while (!mayGoOn(other, mine) && !outOfPatience(other, start)) {
                LockSupport.parkNanos(20_000);
            }
        } finally {
            holding.set(me, 0);
        }
    }

    private boolean mayGoOn(int other, long mine) {
        return finished.get(other) == 1 || lastAccess.get(other) > mine || waitsForSomethingElse(other);
    }

    /** Is the other thread blocked or waiting, other than here, for its turn? Then it cannot move. */
    private boolean waitsForSomethingElse(int other) {
        Thread thread = players.get(other);
        if (thread == null || holding.get(other) == 1) {
            return false;
        }
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private boolean outOfPatience(int other, long start) {
        long patience = players.get(other) == null ? START_PATIENCE_NANOS : PATIENCE_NANOS;
        return System.nanoTime() - start > patience;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(HANG_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
