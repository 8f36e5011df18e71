package course.kit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a visibility experiment: a thread spins until it sees something another thread does.
 *
 * <p>The spin loop itself belongs to the caller (a method of the check, called only with the
 * one class under test, so the JIT compiles it the way it would compile a learner's program).
 * This class does the rest: it starts the spinner, waits until it has spun inside its loop for
 * a few milliseconds of CPU time (millions of turns: by then the JIT has compiled the loop, as
 * it would in a long-running program, however busy the machine), performs the action, and
 * judges. A spinner that gives up at its deadline has "never seen" the action only if it really
 * ran (20 ms of CPU) after the action; if the machine was too busy to give it the CPU, the
 * attempt does not count and is tried again.
 */
public final class Watcher {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_TRIES = 10;
    private static final Duration HANG_LIMIT = Duration.ofSeconds(6);
    /** CPU time the spinner spends in its loop before the action: enough for the JIT to compile it. */
    private static final long SPIN_BEFORE_ACTION_NANOS = 5_000_000;
    /** How long to wait for the JIT to work through its queue, the spinner's loop in it, before the action. */
    private static final Duration COMPILE_QUEUE_LIMIT = Duration.ofSeconds(3);
    /**
     * CPU time the spinner must have run after the action, without seeing it, to count as "never
     * saw it": a reader that can see the write sees it within nanoseconds, so 20 ms is millions of
     * looks. Absolute, not a share of the patience, so that a busy machine still gets a verdict.
     */
    private static final long CONCLUSIVE_NANOS = 20_000_000;

    private Watcher() {
    }

    /** One try: a fresh object to watch, a loop that watches it, and the action it must see. */
    public interface Experiment {

        /**
         * The caller's loop: spins until it sees the action's effect (true), or until
         * {@code deadlineNanos} ({@code System.nanoTime()} based) has passed (false).
         */
        boolean spin(long deadlineNanos);

        /** What the spinner must see, done by the watching thread while the spinner spins. */
        void act();
    }

    /**
     * Runs {@code attempts} experiments, each made fresh by {@code experiments}.
     *
     * @param spinMethod the name of the method that holds the loop (to know when the spinner is in it)
     * @param patience   how long the spinner waits for the action's effect
     * @return true if the spinner saw the action in every counted attempt, false if it missed it once
     */
    public static boolean seesEveryTime(int attempts, Supplier<Experiment> experiments, String spinMethod,
                                        Duration patience) {
        int counted = 0;
        for (int tries = 0; counted < attempts; tries++) {
            if (tries == MAX_TRIES) {
                throw new AssertionError("could not judge: in " + MAX_TRIES + " tries the spinning thread never got"
                        + " the CPU for long enough (is the machine very busy?)");
            }
            Attempt attempt = once(experiments.get(), spinMethod, patience);
            if (attempt.saw()) {
                counted++;
            } else if (attempt.cpuAfterAction() >= Math.min(CONCLUSIVE_NANOS, patience.toNanos() / 2)) {
                return false; // it ran, and it did not see
            }
        }
        return true;
    }

    private record Attempt(boolean saw, long cpuAfterAction) {
    }

    private static Attempt once(Experiment experiment, String spinMethod, Duration patience) {
        AtomicBoolean saw = new AtomicBoolean();
        AtomicLong cpuAtEnd = new AtomicLong();
        long cpuAtAction;
        try (Workers workers = Workers.named("spinner")) {
            Thread spinner = workers.start("spinner", () -> {
                saw.set(experiment.spin(System.nanoTime() + patience.toNanos()));
                cpuAtEnd.set(THREADS.getCurrentThreadCpuTime());
            });
            Threads.awaitInside(spinner, spinMethod, HANG_LIMIT);
            if (!spinsFor(spinner, SPIN_BEFORE_ACTION_NANOS)) {
                return new Attempt(false, 0); // never got the CPU: does not count
            }
            JitDirectives.awaitIdleCompilers(COMPILE_QUEUE_LIMIT);
            if (!spinsFor(spinner, SPIN_BEFORE_ACTION_NANOS)) {
                return new Attempt(false, 0);
            }
            experiment.act();
            cpuAtAction = THREADS.getThreadCpuTime(spinner.threadId());
            workers.joinAll(List.of(spinner), HANG_LIMIT);
        }
        return new Attempt(saw.get(), cpuAtEnd.get() - cpuAtAction);
    }

    /** Waits until {@code spinner} has used {@code cpuNanos} more CPU time; false if it ends or starves. */
    private static boolean spinsFor(Thread spinner, long cpuNanos) {
        long start = THREADS.getThreadCpuTime(spinner.threadId());
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (THREADS.getThreadCpuTime(spinner.threadId()) - start < cpuNanos) {
            if (!spinner.isAlive() || System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }
}
