package course.kit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Runs a visibility experiment: a thread spins until it sees something another thread does.
 *
 * <p>The spin loop itself belongs to the caller (a method of the check, called only with the
 * one class under test, so the JIT compiles it the way it would compile a learner's program).
 * This class does the rest: it starts the spinner, waits until it is inside its loop, performs
 * the action, and judges. A spinner that gives up at its deadline has "never seen" the action
 * only if it really ran for most of its patience after the action; if the machine was too busy
 * to give it the CPU, the attempt does not count and is tried again.
 */
public final class Watcher {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_TRIES = 10;
    private static final Duration HANG_LIMIT = Duration.ofSeconds(6);

    private Watcher() {
    }

    /**
     * @param spin        the caller's loop: given a deadline ({@code System.nanoTime()} based), returns
     *                    true once it sees the action's effect, false if the deadline passes first
     * @param spinMethod  the name of the method that holds the loop (to know when the spinner is in it)
     * @param action      what the spinner must see, done by this thread while the spinner spins
     * @param patience    how long the spinner waits
     * @return true if the spinner saw the action in every counted attempt, false if it missed it once
     */
    public static boolean seesEveryTime(int attempts, LongPredicate spin, String spinMethod, Runnable action,
                                        Duration patience) {
        int counted = 0;
        for (int tries = 0; counted < attempts; tries++) {
            if (tries == MAX_TRIES) {
                throw new AssertionError("could not judge: in " + MAX_TRIES + " tries the spinning thread never got"
                        + " the CPU for long enough (is the machine very busy?)");
            }
            Attempt attempt = once(spin, spinMethod, action, patience);
            if (attempt.saw()) {
                counted++;
            } else if (attempt.cpuAfterAction() >= patience.toNanos() / 2) {
                return false; // it ran, and it did not see
            }
        }
        return true;
    }

    private record Attempt(boolean saw, long cpuAfterAction) {
    }

    private static Attempt once(LongPredicate spin, String spinMethod, Runnable action, Duration patience) {
        AtomicBoolean saw = new AtomicBoolean();
        AtomicLong cpuAtEnd = new AtomicLong();
        long cpuAtAction;
        try (Workers workers = Workers.named("spinner")) {
            Thread spinner = workers.start("spinner", () -> {
                saw.set(spin.test(System.nanoTime() + patience.toNanos()));
                cpuAtEnd.set(THREADS.getCurrentThreadCpuTime());
            });
            Threads.awaitInside(spinner, spinMethod, HANG_LIMIT);
            action.run();
            cpuAtAction = THREADS.getThreadCpuTime(spinner.threadId());
            workers.joinAll(List.of(spinner), HANG_LIMIT);
        }
        return new Attempt(saw.get(), cpuAtEnd.get() - cpuAtAction);
    }
}
