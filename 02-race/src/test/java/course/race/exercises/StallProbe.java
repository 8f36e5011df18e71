package course.race.exercises;

import course.kit.InstrumentedCopies;
import course.race.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops one thread inside {@code increment()} while others increment: a thread preempted, or
 * paused by the garbage collector, at the worst moment. The others are many threads, one after
 * another, as in a program that has more threads than two: a counter that keeps apart only some
 * threads (a cell or a lock per thread id, modulo a few) meets a thread it shares with. A copy of the answer class calls
 * {@link #step()} after each shared-memory access it makes ({@link InstrumentedCopies}); the
 * stopped thread's {@code point}-th access is where it stops. The model checker cannot show
 * this: it does not model time, so a wait that gives up after a while never gives up there.
 */
public final class StallProbe {

    /** What one stall showed: whether the others all ended during it, and the count against the increments made. */
    record Outcome(boolean reached, boolean othersEndedDuringStall, long count, int increments) {
    }

    /** How many other threads increment, one after another, while one is stopped. */
    static final int OTHERS = 64;

    private static volatile Thread stalled;
    private static volatile int stopAt;
    private static int steps;
    private static CountDownLatch stopped;
    private static CountDownLatch goOn;

    private StallProbe() {
    }

    /**
     * One thread increments a new counter (a copy of {@code answer}) and stops after its
     * {@code point}-th shared access for {@code stall}; meanwhile other threads, one after another,
     * increment, until one of them waits (blocked or parked) or {@link #OTHERS} have ended. Then
     * all finish.
     */
    static synchronized Outcome stallAt(Class<? extends Counter> answer, int point, Duration stall, Duration hangLimit) {
        Counter counter = InstrumentedCopies.newInstance(
                InstrumentedCopies.copyOf(answer, Counter.class, StallProbe.class));
        steps = 0;
        stopAt = point;
        stopped = new CountDownLatch(1);
        goOn = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = Thread.ofPlatform().daemon().name("stalled").unstarted(() -> counter.increment());
        stalled = first;
        first.start();
        try {
            if (!awaitStopOrEnd(first, hangLimit)) {
                join(first, hangLimit);
                return new Outcome(false, false, counter.get(), 1); // increment() makes fewer accesses than that
            }
            List<Thread> others = new ArrayList<>();
            boolean othersEnded = true;
            long stallEnd = System.nanoTime() + stall.toNanos();
            while (othersEnded && others.size() < OTHERS) {
                Thread other = Thread.ofPlatform().daemon().name("other-" + others.size()).start(() -> {
                    try {
                        counter.increment();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                others.add(other);
                othersEnded = endsOrWaits(other, Duration.ofNanos(Math.max(0, stallEnd - System.nanoTime())));
            }
            goOn.countDown();
            join(first, hangLimit);
            for (Thread other : others) {
                join(other, hangLimit);
            }
            if (first.isAlive() || others.stream().anyMatch(Thread::isAlive)) {
                throw new AssertionError("after one thread stopped inside increment() and went on, the "
                        + (others.size() + 1) + " increments had not finished " + hangLimit.toMillis() + " ms later");
            }
            return new Outcome(true, othersEnded, counter.get(), others.size() + 1);
        } finally {
            stalled = null;
            goOn.countDown();
        }
    }

    /** Called by the copy after each shared-memory access. */
    public static void step() {
        if (Thread.currentThread() != stalled) {
            return;
        }
        if (++steps == stopAt) {
            stopped.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean awaitStopOrEnd(Thread first, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (first.isAlive() && System.nanoTime() < end) {
            try {
                if (stopped.await(1, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while a thread incremented", e);
            }
        }
        return stopped.getCount() == 0;
    }

    /**
     * True if the thread ends within {@code limit}; false once it waits (blocked or parked, three
     * looks in a row: not a passing class-loading lock) or the limit passes. A timed wait is
     * watched on: it may give up. (AccountCheck's stalled withdrawal uses it too.)
     */
    static boolean endsOrWaits(Thread thread, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        int waitingLooks = 0;
        while (System.nanoTime() < end) {
            if (!thread.isAlive()) {
                return true;
            }
            Thread.State state = thread.getState();
            waitingLooks = state == Thread.State.BLOCKED || state == Thread.State.WAITING ? waitingLooks + 1 : 0;
            if (waitingLooks == 3) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return !thread.isAlive();
    }

    private static void join(Thread thread, Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
