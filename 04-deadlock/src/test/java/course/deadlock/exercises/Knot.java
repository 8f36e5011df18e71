package course.deadlock.exercises;

import course.deadlock.Mutex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ties threads into deadlocks for the detector checks, and unties them afterwards. Each thread
 * takes the locks it is to hold (monitors and {@link Mutex}es), waits until every thread of the
 * knot holds its locks, then asks for the lock it is to want. Every cycle has at least one thread
 * that waits for a Mutex with {@code lockInterruptibly()}, so interrupting those ends the whole
 * knot: a deadlock made only of monitors could never be undone.
 */
final class Knot implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One thread of the knot: what it holds, what it wants. */
    record Strand(Thread thread, List<Object> holds, Object wants) {
    }

    private final List<Strand> strands = new ArrayList<>();
    private final List<Runnable> starts = new ArrayList<>();
    private final CountDownLatch allHold;

    Knot(int threads) {
        allHold = new CountDownLatch(threads);
    }

    /** A thread (started by {@link #tie()}) that holds {@code holds}, in that order, then wants {@code wants}. */
    Strand strand(String name, List<Object> holds, Object wants) {
        Thread thread = Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            try {
                holdAll(holds, 0, () -> {
                    allHold.countDown();
                    allHold.await();
                    take(wants);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // untied: let go of everything
            }
        });
        Strand strand = new Strand(thread, holds, wants);
        strands.add(strand);
        return strand;
    }

    /** Starts the threads in the order they were made (so thread ids follow that order) and waits until they are stuck. */
    void tie(List<Strand> stuck) {
        strands.forEach(s -> s.thread().start());
        if (stuck.isEmpty()) {
            return;
        }
        Set<Long> ids = stuck.stream().map(s -> s.thread().threadId()).collect(Collectors.toSet());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            long[] found = THREADS.findDeadlockedThreads();
            if (found != null && Arrays.stream(found).boxed().collect(Collectors.toSet()).containsAll(ids)) {
                return;
            }
            sleepAMillisecond();
        }
        throw new IllegalStateException("the check could not tie its threads into a deadlock");
    }

    /** Waits until {@code waiter} is blocked on a lock owned by {@code owner}. */
    static void awaitWaiting(Thread waiter, Thread owner) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            var info = THREADS.getThreadInfo(waiter.threadId());
            if (info != null && info.getLockOwnerId() == owner.threadId()) {
                return;
            }
            sleepAMillisecond();
        }
        throw new IllegalStateException(waiter.getName() + " never came to wait for " + owner.getName());
    }

    List<Thread> threads() {
        return strands.stream().map(Strand::thread).toList();
    }

    /** Interrupts every thread and waits for them to end. */
    @Override
    public void close() {
        strands.forEach(s -> s.thread().interrupt());
        for (Strand strand : strands) {
            try {
                strand.thread().join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private static void holdAll(List<Object> locks, int next, Body then) throws InterruptedException {
        if (next == locks.size()) {
            then.run();
            return;
        }
        Object lock = locks.get(next);
        if (lock instanceof Mutex mutex) {
            mutex.lockInterruptibly();
            try {
                holdAll(locks, next + 1, then);
            } finally {
                mutex.unlock();
            }
        } else {
            synchronized (lock) {
                holdAll(locks, next + 1, then);
            }
        }
    }

    private static void take(Object lock) throws InterruptedException {
        if (lock instanceof Mutex mutex) {
            mutex.lockInterruptibly();
            mutex.unlock();
        } else if (lock instanceof CountDownLatch latch) {
            latch.await(); // not a lock: a thread that waits for a signal, holding what it holds
        } else {
            synchronized (lock) {
                // got it: the knot is untied
            }
        }
    }

    private static void sleepAMillisecond() {
        try {
            TimeUnit.MILLISECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
