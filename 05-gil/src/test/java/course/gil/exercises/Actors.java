package course.gil.exercises;

import course.kit.StuckThreads;
import course.kit.Workers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The threads of one scripted scene: each plays a part (the holder, the waiter), and the check
 * directs them. They are daemons (through {@link Workers}); whatever a part throws is kept and
 * rethrown by {@link #finish(Duration)}, naming the part; a part that does not end in time is
 * described (state, lock, place in the code) and interrupted; {@link #close()} makes sure no
 * thread outlives the scene.
 */
final class Actors implements AutoCloseable {

    /** A part: the code one thread runs. */
    @FunctionalInterface
    interface Part {
        void play() throws Exception;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long POLL = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long MAX_COUNTED_PER_POLL = TimeUnit.MILLISECONDS.toNanos(1);

    private final Workers workers = Workers.named("gil");
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Throwable> errors = new ConcurrentHashMap<>();

    /** Starts a thread called {@code name} playing {@code part}. */
    Thread start(String name, Part part) {
        Thread thread = workers.start(name, () -> {
            try {
                part.play();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the scene is being torn down
            } catch (Throwable e) {
                errors.put(name, e);
            }
        });
        threads.add(thread);
        return thread;
    }

    /**
     * Waits for every part to end, with {@link #within} patience; fails if one is stuck (describing
     * it, in which {@code scene}, and interrupting it) or if one threw (naming the part).
     */
    void finish(Duration patience, String scene) {
        if (!within(patience, () -> threads.stream().noneMatch(Thread::isAlive), threads.toArray(Thread[]::new))) {
            List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
            String report = StuckThreads.describe(stuck);
            stuck.forEach(Thread::interrupt);
            throw new AssertionError(scene + ": " + stuck.size() + " of " + threads.size() + " threads did not"
                    + " finish:\n" + report);
        }
        for (Thread thread : threads) {
            Throwable error = errors.get(thread.getName());
            if (error instanceof AssertionError assertion) {
                throw assertion;
            }
            if (error != null) {
                throw new AssertionError("the " + thread.getName() + " thread threw " + error
                        + frames(error), error);
            }
        }
    }

    /** Interrupts every part still running: the scene is over, whatever state it is in. */
    void interruptAll() {
        threads.forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        workers.close();
    }

    private static String frames(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("course.gil.exercises.") && !frame.getClassName().contains("Check")) {
                text.append("\n    at ").append(frame);
            }
        }
        return text.toString();
    }

    /**
     * Polls {@code condition} every tenth of a millisecond until it holds; false if {@code patience}
     * passes first. Patience counts only time in which the {@code watched} threads could not have
     * done better: each of them is parked or blocked (waiting by its own choice, not waiting for a
     * CPU), and a poll that comes late counts for at most one millisecond. So a busy machine, or a
     * thread just started and not yet run, stretches the wait (up to ten times) instead of failing
     * a right answer. With no watched threads, only the poller's own lateness is discounted.
     */
    static boolean within(Duration patience, BooleanSupplier condition, Thread... watched) {
        long budget = patience.toNanos();
        long hardEnd = System.nanoTime() + 10 * budget;
        long counted = 0;
        long last = System.nanoTime();
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (allParked(watched)) {
                counted += Math.min(now - last, MAX_COUNTED_PER_POLL);
            }
            last = now;
            if (counted > budget || now > hardEnd) {
                return false;
            }
            LockSupport.parkNanos(POLL);
        }
        return true;
    }

    /**
     * Polls {@code condition} until it holds; false once {@code busy} has used {@code cpuPatience} of
     * CPU time (or after ten times that in wall time). For "the waiter never got in while the holder
     * ran on": only time in which the holder really ran counts, however busy the machine is.
     */
    static boolean whileRunning(Thread busy, Duration cpuPatience, BooleanSupplier condition) {
        long startCpu = CPU.getThreadCpuTime(busy.threadId());
        long hardEnd = System.nanoTime() + 10 * cpuPatience.toNanos();
        while (!condition.getAsBoolean()) {
            long cpu = CPU.getThreadCpuTime(busy.threadId());
            if (cpu < 0 || cpu - startCpu > cpuPatience.toNanos() || System.nanoTime() > hardEnd) {
                return false; // cpu < 0: the thread has ended
            }
            LockSupport.parkNanos(POLL);
        }
        return true;
    }

    /**
     * Like {@link #within}, but patience counts only while {@code waiter} waits with no time limit
     * (or is blocked on a monitor): a thread that will not wake up by itself. A thread in a timed
     * wait is still trying (and one whose timeout has passed shows the same state until it gets a
     * CPU), so then only the hard limit, ten times {@code patience}, applies.
     */
    static boolean withinWhileStuck(Duration patience, BooleanSupplier condition, Thread waiter) {
        long budget = patience.toNanos();
        long hardEnd = System.nanoTime() + 10 * budget;
        long counted = 0;
        long last = System.nanoTime();
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            Thread.State state = waiter.getState();
            if (state == Thread.State.WAITING || state == Thread.State.BLOCKED) {
                counted += Math.min(now - last, MAX_COUNTED_PER_POLL);
            }
            last = now;
            if (counted > budget || now > hardEnd) {
                return false;
            }
            LockSupport.parkNanos(POLL);
        }
        return true;
    }

    private static boolean allParked(Thread... threads) {
        for (Thread thread : threads) {
            if (thread == null) {
                return false; // not started yet
            }
            if (thread.isAlive() && !isBlocked(thread)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code thread} is parked or blocked: waiting for something, not running. */
    static boolean isBlocked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }

    /** The thread, described for a failure message. */
    static String describe(Thread thread) {
        return StuckThreads.describe(thread);
    }
}
