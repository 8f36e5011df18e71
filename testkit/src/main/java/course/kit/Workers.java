package course.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a task on several threads released together, and never hangs the test that uses it.
 *
 * <p>The threads are daemons named {@code <name>-1}, {@code <name>-2}, ... If they have not all
 * finished a second after the deadline, the failure describes each stuck thread (state, lock wanted and its
 * owner, locks held, place in course code), then interrupts them. If a task throws, the
 * failure says which thread threw what, and where. {@link #close()} interrupts and reports
 * any thread still alive, so no thread outlives the test.
 */
public final class Workers implements AutoCloseable {

    /** A task run by worker number {@code index} (0-based). */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    private static final Duration GRACE = Duration.ofSeconds(1);

    private final String name;
    private final List<Thread> started = new ArrayList<>();

    private Workers(String name) {
        this.name = name;
    }

    /** Workers whose threads are called {@code name-1}, {@code name-2}, ... */
    public static Workers named(String name) {
        return new Workers(name);
    }

    /**
     * Starts {@code count} threads, releases them together, and waits for all of them.
     *
     * @return each thread's result, in thread order
     * @throws AssertionError if a thread threw, or did not finish within {@code deadline}
     */
    public <T> List<T> runTogether(int count, Duration deadline, Task<T> task) {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(count);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(start(name + "-" + (i + 1), () -> {
                ready.countDown();
                try {
                    go.await();
                    results.set(index, task.run(index));
                } catch (Throwable e) {
                    errors.set(index, e);
                }
            }));
        }
        awaitQuietly(ready, deadline);
        go.countDown();
        joinAll(threads, deadline);
        for (int i = 0; i < count; i++) {
            Throwable error = errors.get(i);
            if (error instanceof AssertionError assertion) {
                throw assertion;
            }
            if (error != null) {
                throw new AssertionError("thread \"" + threads.get(i).getName() + "\" threw " + error
                        + ExerciseFailure.learnerFrames(error), error);
            }
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    /** Starts one daemon thread that belongs to these workers. */
    public Thread start(String threadName, Runnable body) {
        Thread thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(body);
        synchronized (started) {
            started.add(thread);
        }
        thread.start();
        return thread;
    }

    /**
     * Waits until every thread has ended, or fails with a description of those that have not.
     */
    public void joinAll(List<Thread> threads, Duration deadline) {
        joinEach(threads, deadline);
        // A thread that ends just after the deadline was slow (a very busy machine), not stuck.
        joinEach(threads.stream().filter(Thread::isAlive).toList(), GRACE);
        List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            String report = StuckThreads.describe(stuck);
            stuck.forEach(Thread::interrupt);
            throw new AssertionError(stuck.size() + " of " + threads.size() + " threads did not finish within "
                    + deadline.toMillis() + " ms:\n" + report);
        }
    }

    /**
     * Joins each thread until {@code limit} has passed. Uses {@code join(long)}, which waits until
     * {@code isAlive()} is false: {@code join(Duration)} may return a moment earlier, when the
     * thread's state is TERMINATED but {@code isAlive()} still says true.
     */
    private static void joinEach(List<Thread> threads, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            try {
                thread.join(Math.max(1, leftMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Interrupts every thread still alive, waits a moment, and fails if any survives. */
    @Override
    public void close() {
        List<Thread> alive;
        synchronized (started) {
            alive = started.stream().filter(Thread::isAlive).toList();
        }
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(Thread::interrupt);
        joinEach(alive, Duration.ofSeconds(1));
        List<Thread> survivors = alive.stream().filter(Thread::isAlive).toList();
        if (!survivors.isEmpty()) {
            throw new AssertionError("threads still running after the test, even after an interrupt:\n"
                    + StuckThreads.describe(survivors));
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration deadline) {
        try {
            latch.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
