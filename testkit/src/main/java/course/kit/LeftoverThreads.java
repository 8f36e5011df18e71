package course.kit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the threads a test started and left running: the kit's guard that no thread outlives its test.
 *
 * <p>The JVM's own threads are never blamed, nor are JUnit's and Surefire's. That includes the
 * threads the JDK starts for itself the first time a program needs them and keeps for good,
 * such as those behind virtual threads: the scheduler's carrier threads and its timer, and the
 * JDK's system threads that unpark, unblock and poll for virtual threads (their names differ
 * from one JDK to the next: {@code VirtualThread-unparker}, {@code Read-Updater} on JDK 21,
 * {@code VirtualThread-unblocker}, {@code MasterPoller} on JDK 25). They are told apart by what
 * only the JDK can make, not by their names: see {@link #startedByTheJdk}. A learner's own
 * {@code ForkJoinPool} has threads with names like the carriers', but is of another class and
 * group, and is still blamed; so is the thread of a {@code Cleaner} the learner created.
 */
final class LeftoverThreads {

    /** Threads of the JVM, JUnit and Surefire, which come and go on their own. */
    private static final List<String> INFRASTRUCTURE = List.of(
            "junit-", "surefire-", "ForkJoinPool.commonPool", "Common-Cleaner", "Attach Listener",
            "process reaper", "Reference Handler", "Signal Dispatcher", "Finalizer", "Notification Thread",
            "RMI ", "JMX ", "C1 ", "C2 ", "Monitor Deflation", "Service Thread", "Sweeper");

    private LeftoverThreads() {
    }

    static Set<Thread> snapshot() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads alive now that were not in {@code before}: interrupted, given {@code grace} to end, then listed. */
    static List<Thread> since(Set<Thread> before, Duration grace) {
        List<Thread> fresh = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !isInfrastructure(t))
                .toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        fresh.forEach(Thread::interrupt);
        long end = System.nanoTime() + grace.toNanos();
        for (Thread thread : fresh) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fresh.stream().filter(Thread::isAlive).toList();
    }

    static boolean isInfrastructure(Thread thread) {
        return INFRASTRUCTURE.stream().anyMatch(prefix -> thread.getName().startsWith(prefix))
                || startedByTheJdk(thread);
    }

    /**
     * Is {@code thread} one the JDK started for itself and keeps? Two kinds, told apart by what no
     * code outside the JDK can make:
     * <ul>
     *   <li>the virtual-thread scheduler's threads: its carriers (class
     *       {@code jdk.internal.misc.CarrierThread}) and everything else in its thread group
     *       {@code CarrierThreads} (the timer, on JDK 25);</li>
     *   <li>the JDK's system threads, of class {@code jdk.internal.misc.InnocuousThread}: on JDK 21
     *       to 25 the unparker or unblocker of virtual threads, the socket pollers and their
     *       updaters, the HTTP keep-alive timer. The one of these a program asks for itself is
     *       the thread of a {@code Cleaner} it creates ({@code Cleaner.create()}, which the JDK
     *       names {@code Cleaner-N}): that one is the program's, and is blamed.</li>
     * </ul>
     * A thread started by one of these (by a Cleaner's cleaning action, say) inherits its group
     * but is of class {@code Thread}: the program's, and blamed.
     */
    static boolean startedByTheJdk(Thread thread) {
        String type = thread.getClass().getName();
        ThreadGroup group = thread.getThreadGroup();
        boolean ofTheVirtualThreadScheduler = type.equals("jdk.internal.misc.CarrierThread")
                || group != null && group.getName().equals("CarrierThreads");
        boolean aJdkSystemThread = type.equals("jdk.internal.misc.InnocuousThread")
                && !thread.getName().startsWith("Cleaner-");
        return ofTheVirtualThreadScheduler || aJdkSystemThread;
    }
}
