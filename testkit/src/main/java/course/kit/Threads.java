package course.kit;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Small waits on other threads that tests need and latches cannot give. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} is executing a method called {@code method} (seen in its stack),
     * so that what the test does next happens while that method runs: for example, a stop
     * request that must arrive while the thread already spins. Polls every millisecond.
     *
     * @throws AssertionError if the thread ends first, or is not there within {@code timeout}
     */
    public static void awaitInside(Thread thread, String method, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (Arrays.stream(thread.getStackTrace()).noneMatch(f -> f.getMethodName().equals(method))) {
            if (!thread.isAlive()) {
                throw new AssertionError("thread \"" + thread.getName() + "\" ended before it reached " + method + "()");
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("thread \"" + thread.getName() + "\" did not reach " + method + "() within "
                        + timeout.toMillis() + " ms:\n" + StuckThreads.describe(thread));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
            }
        }
    }

    /**
     * Is {@code thread} one the JDK started for itself, the first time a program needed it, and
     * keeps for good (the threads behind virtual threads, the JDK's system threads such as its
     * socket pollers)? Such a thread is no answer's doing: a check that looks for threads an
     * answer left behind must not count it. The thread of a {@code Cleaner} an answer created is
     * the answer's, and counts.
     */
    public static boolean isTheJdksOwn(Thread thread) {
        return LeftoverThreads.startedByTheJdk(thread);
    }
}
