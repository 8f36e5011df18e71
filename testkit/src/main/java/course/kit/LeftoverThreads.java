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
 * threads behind virtual threads, which the JVM starts the first time a program uses virtual
 * threads and keeps for good: the scheduler's carrier threads ({@code ForkJoinPool-1-worker-N},
 * of class {@code jdk.internal.misc.CarrierThread}), its timer ({@code ForkJoinPool-1-delayScheduler}
 * on JDK 25, {@code VirtualThread-unparker} on JDK 21), the monitor unblocker
 * ({@code VirtualThread-unblocker}, JDK 24+) and the pollers that park virtual threads on
 * sockets ({@code MasterPoller}, {@code Read-Poller}, {@code Write-Poller}). A learner's own
 * {@code ForkJoinPool} has threads with names like the carriers', but is of another class and
 * group, and is still blamed.
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

    /** The JVM's threads behind virtual threads, as JDK 21 to 25 name them (all in the JDK's internal classes). */
    private static final Set<String> VIRTUAL_THREAD_SYSTEM_THREADS = Set.of(
            "VirtualThread-unblocker", "VirtualThread-unparker", "MasterPoller", "Read-Poller", "Write-Poller");

    static boolean isInfrastructure(Thread thread) {
        return INFRASTRUCTURE.stream().anyMatch(prefix -> thread.getName().startsWith(prefix))
                || Threads.isBehindVirtualThreads(thread);
    }

    /**
     * Is {@code thread} one of the JVM's threads behind virtual threads? Carriers and the
     * scheduler's timer live in the thread group {@code CarrierThreads} (carriers are also of
     * class {@code jdk.internal.misc.CarrierThread}); the unblocker, the unparker and the pollers
     * are {@code jdk.internal.misc.InnocuousThread}s with fixed names. No code outside the JDK
     * can make threads of those classes or that group.
     */
    static boolean behindVirtualThreads(Thread thread) {
        String type = thread.getClass().getName();
        ThreadGroup group = thread.getThreadGroup();
        return type.equals("jdk.internal.misc.CarrierThread")
                || group != null && group.getName().equals("CarrierThreads")
                || type.equals("jdk.internal.misc.InnocuousThread") && VIRTUAL_THREAD_SYSTEM_THREADS.contains(thread.getName());
    }
}
