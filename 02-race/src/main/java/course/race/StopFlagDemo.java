package course.race;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The visibility race that Python's GIL hides. A worker spins until another thread sets a
 * stop flag. With a plain {@code boolean}, nothing obliges the worker to ever read the field
 * again: once the JIT has compiled the loop, it reads the flag once, before the loop, and
 * spins forever. With {@code volatile}, every read goes to memory and the stop is seen at once.
 *
 * <p>The worker here gives up after a deadline, so the demo always ends; "gave up" means it
 * never saw the stop.
 *
 * <p>When the JIT compiles the loop is its own business: on a machine whose compiler threads
 * are busy, the first worker may still run the loop uncompiled (reading the field every turn)
 * when the stop comes, and see it. So the demo tries again, each time with a fresh flag and a
 * fresh worker, until a worker misses the stop; by the second try the compiled loop is
 * normally ready.
 */
public final class StopFlagDemo {

    /** How long a worker spins before it gives up. */
    static final Duration PATIENCE = Duration.ofMillis(250);
    /** How many fresh workers the demo tries, at most. */
    static final int TRIES = 10;
    /**
     * How many workers one try may start: on a very busy machine a worker can reach its deadline
     * before it has had the CPU it must spin for, so it gave up before the stop was made. That
     * says nothing about the flag, and the try starts a fresh worker.
     */
    static final int MAX_STARTS = 20;

    // tag::plain-flag[]
    static final class PlainFlag {
        boolean stopRequested;
    }

    static boolean spinUntilStopped(PlainFlag flag, long deadlineNanos) {
        while (!flag.stopRequested) {              // compiled, this may read the field only once
            if (System.nanoTime() > deadlineNanos) {
                return false;                      // gave up: never saw the stop
            }
        }
        return true;
    }
    // end::plain-flag[]

    // tag::volatile-flag[]
    static final class VolatileFlag {
        volatile boolean stopRequested;            // every read sees the latest write
    }

    static boolean spinUntilStopped(VolatileFlag flag, long deadlineNanos) {
        while (!flag.stopRequested) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
        }
        return true;
    }
    // end::volatile-flag[]

    /** Did a worker spinning on a plain flag see the stop? */
    public static boolean plainWorkerSeesStop() throws InterruptedException {
        for (int start = 1; ; start++) {
            PlainFlag flag = new PlainFlag();
            boolean[] saw = new boolean[1];
            Thread worker = Thread.ofPlatform().name("plain-flag worker").daemon(true)
                    .start(() -> saw[0] = spinUntilStopped(flag, System.nanoTime() + PATIENCE.toNanos()));
            awaitSpinning(worker);
            if (!worker.isAlive() && start < MAX_STARTS) {
                continue; // gave up before the stop was even made: a starved worker, not a try
            }
            flag.stopRequested = true;
            worker.join();
            return saw[0];
        }
    }

    /** Did a worker spinning on a volatile flag see the stop? */
    public static boolean volatileWorkerSeesStop() throws InterruptedException {
        for (int start = 1; ; start++) {
            VolatileFlag flag = new VolatileFlag();
            boolean[] saw = new boolean[1];
            Thread worker = Thread.ofPlatform().name("volatile-flag worker").daemon(true)
                    .start(() -> saw[0] = spinUntilStopped(flag, System.nanoTime() + PATIENCE.toNanos()));
            awaitSpinning(worker);
            if (!worker.isAlive() && start < MAX_STARTS) {
                continue; // gave up before the stop was even made: a starved worker, not a try
            }
            flag.stopRequested = true;
            worker.join();
            return saw[0];
        }
    }

    /**
     * Waits until the worker has spun for 10 ms of CPU time: millions of turns of its loop, after
     * which the JIT has compiled it, as it would have in a long-running service. CPU time, not
     * wall-clock time, so that the demo behaves the same on a busy machine.
     */
    static void awaitSpinning(Thread worker) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long enough = threads.getThreadCpuTime(worker.threadId()) + 10_000_000;
        while (worker.isAlive() && threads.getThreadCpuTime(worker.threadId()) < enough) {
            Thread.sleep(1);
        }
    }

    /** On which try a worker on a plain flag first missed the stop; 0 if all {@link #TRIES} saw it. */
    public static int firstTryThatMissesThePlainStop() throws InterruptedException {
        for (int tryNumber = 1; tryNumber <= TRIES; tryNumber++) {
            if (!plainWorkerSeesStop()) {
                return tryNumber;
            }
        }
        return 0;
    }

    /** How many of {@link #TRIES} workers on a volatile flag saw the stop. */
    public static int volatileWorkersThatSeeTheStop() throws InterruptedException {
        int saw = 0;
        for (int tryNumber = 1; tryNumber <= TRIES; tryNumber++) {
            if (volatileWorkerSeesStop()) {
                saw++;
            }
        }
        return saw;
    }

    public static void main(String[] args) throws InterruptedException {
        int missedOn = firstTryThatMissesThePlainStop();
        System.out.println(missedOn == 0
                ? "plain flag:    every one of " + TRIES + " workers saw the stop (the JIT never compiled the loop in time)"
                : "plain flag:    the worker on try " + missedOn + " never saw the stop (gave up after "
                        + PATIENCE.toMillis() + " ms)");
        System.out.println("volatile flag: " + volatileWorkersThatSeeTheStop() + " of " + TRIES
                + " workers saw the stop");
    }
}
